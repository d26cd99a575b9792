package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;

/**
 * The sources a deployment reads its settings from, most important first: MicroProfile Config where the server has it
 * (it holds the system properties and the environment itself), else the system properties; then the servlet context
 * parameters.
 */
final class SettingSources {
    private static final Logger LOG = System.getLogger("tidewire.config");
    private static final String CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private SettingSources() {
    }

    static List<SettingSource> of(ServletContext context) {
        List<SettingSource> sources = new ArrayList<>(2);
        sources.add(microProfileConfig(deploymentClassLoader()).orElse(System::getProperty));
        if (context != null) sources.add(context::getInitParameter);
        return sources;
    }

    /**
     * MicroProfile Config as the deployment sees it, when its API is visible and an implementation answers. Probed
     * before {@link MicroProfileConfigSource} is touched: loading it without the API would fail.
     */
    static Optional<SettingSource> microProfileConfig(ClassLoader deployment) {
        try {
            Class.forName(CONFIG_PROVIDER, false, deployment);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MicroProfileConfigSource(deployment));
        } catch (NoClassDefFoundError | IllegalStateException | ServiceConfigurationError e) {
            // the API is visible to the deployment but not to this library, or no implementation is installed
            LOG.log(Level.DEBUG, "MicroProfile Config not usable ({0}); reading system properties", e.toString());
            return Optional.empty();
        }
    }

    /** The web application's class loader while it deploys (both servers set it as the context class loader). */
    private static ClassLoader deploymentClassLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : SettingSources.class.getClassLoader();
    }
}
