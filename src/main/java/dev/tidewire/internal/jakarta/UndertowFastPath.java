package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.Scheduler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.SecurityConstraint;
import io.undertow.servlet.api.WebResourceCollection;
import jakarta.servlet.ServletContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Undertow loads this for every deployment that holds Tidewire (META-INF/services): it puts a handler in front of the
 * deployment's servlets, which answers the WebSocket upgrades of the engines that asked for it
 * ({@link FastUpgrades#serve}) and passes every other request on. Other containers never load this class.
 */
public final class UndertowFastPath implements ServletExtension, FastUpgrades {
    private final Map<String, UndertowUpgrade> byPath = new HashMap<>();
    /** Read on each request by the I/O threads; replaced, never changed, when an engine starts or stops. */
    private volatile Map<String, UndertowUpgrade> routes = Map.of();
    private DeploymentInfo deployment;

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        UndertowFastPath fastPath = new UndertowFastPath(); // the service instance may be shared by deployments
        fastPath.deployment = deploymentInfo;
        servletContext.setAttribute(ATTRIBUTE, fastPath);
        deploymentInfo.addInitialHandlerChainWrapper(next -> new UndertowUpgradeHandler(next, fastPath));
    }

    UndertowUpgrade route(String relativePath) {
        return routes.get(relativePath);
    }

    @Override
    public String obstacle(String path) {
        if (!seesXnio()) {
            return "the deployment cannot see WildFly's org.jboss.xnio module, which the fast path needs (add "
                    + "'Dependencies: org.jboss.xnio' to the WAR's META-INF/MANIFEST.MF)";
        }
        for (SecurityConstraint constraint : deployment.getSecurityConstraints()) {
            for (WebResourceCollection resources : constraint.getWebResourceCollections()) {
                for (String pattern : resources.getUrlPatterns()) {
                    if (UrlPatterns.matches(pattern, path)) return "the security constraint on " + pattern + " covers it";
                }
            }
        }
        return null;
    }

    private static boolean seesXnio() {
        try {
            Class.forName("org.xnio.StreamConnection", false, UndertowFastPath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void serve(String path, EngineServer engine, Scheduler timers, ClassLoader deploymentLoader) {
        byPath.put(path, new UndertowUpgrade(engine, timers, deploymentLoader));
        routes = Map.copyOf(byPath);
    }

    @Override
    public synchronized void stop(String path) {
        byPath.remove(path);
        routes = Map.copyOf(byPath);
    }
}
