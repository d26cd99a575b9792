package dev.tidewire.jakarta;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Values from MicroProfile Config, with its sources and ordinals. The only class that names the MicroProfile API: it
 * is loaded only after {@link SettingSources} has seen the API, so a server without it never fails.
 */
final class MicroProfileConfigSource implements SettingSource {
    private final Config config;

    /** @throws IllegalStateException when the API is there but no implementation is */
    MicroProfileConfigSource(ClassLoader deployment) {
        this.config = ConfigProvider.getConfig(deployment);
    }

    @Override
    public String value(String key) {
        return config.getOptionalValue(key, String.class).orElse(null);
    }
}
