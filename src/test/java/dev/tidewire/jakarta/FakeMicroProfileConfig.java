package dev.tidewire.jakarta;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A MicroProfile Config implementation over a map, installed as the {@link ConfigProviderResolver}: what a server with
 * MicroProfile Config answers, without one. Remembers the class loader it was asked for.
 */
final class FakeMicroProfileConfig extends ConfigProviderResolver implements Config {
    private final Map<String, String> values;
    volatile ClassLoader askedFor;

    private FakeMicroProfileConfig(Map<String, String> values) {
        this.values = values;
    }

    static FakeMicroProfileConfig install(Map<String, String> values) {
        FakeMicroProfileConfig config = new FakeMicroProfileConfig(values);
        ConfigProviderResolver.setInstance(config);
        return config;
    }

    static void uninstall() {
        ConfigProviderResolver.setInstance(null);
    }

    // ---------------------------------------------------------------- resolver

    @Override
    public Config getConfig() {
        return getConfig(Thread.currentThread().getContextClassLoader());
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        askedFor = loader;
        return this;
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void releaseConfig(Config config) {
    }

    // ---------------------------------------------------------------- config

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        return Optional.ofNullable(values.get(propertyName)).map(propertyType::cast);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException(type.getName());
    }
}
