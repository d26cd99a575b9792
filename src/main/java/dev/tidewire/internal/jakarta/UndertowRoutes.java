package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.Scheduler;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.SecurityConstraint;
import io.undertow.servlet.api.WebResourceCollection;

import java.util.HashMap;
import java.util.Map;

/** One deployment's engines whose requests {@link UndertowEngineHandler} answers, by path. */
final class UndertowRoutes implements FastPath {
    private final DeploymentInfo deployment;
    private final Map<String, UndertowEngine> byPath = new HashMap<>();
    /** Read on each request by the I/O threads; replaced, never changed, when an engine starts or stops. */
    private volatile Map<String, UndertowEngine> routes = Map.of();

    UndertowRoutes(DeploymentInfo deployment) {
        this.deployment = deployment;
    }

    UndertowEngine route(String relativePath) {
        return routes.get(relativePath);
    }

    @Override
    public String obstacle(String path) {
        if (!seesXnio()) {
            return "the deployment cannot see WildFly's org.jboss.xnio module, which the fast path needs (add "
                    + "'Dependencies: org.jboss.xnio' to the WAR's META-INF/MANIFEST.MF)";
        }
        if (deployment.getLoginConfig() != null) { // e.g. a FORM login, whose session makes the upgrade's user
            return "the deployment's login configuration can authenticate the upgrade (its user becomes the socket's), "
                    + "which only the servlet applies";
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
            Class.forName("org.xnio.StreamConnection", false, UndertowRoutes.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void serve(String path, EngineServer engine, Scheduler timers, ClassLoader deploymentLoader) {
        byPath.put(path, new UndertowEngine(engine, timers, deploymentLoader));
        routes = Map.copyOf(byPath);
    }

    @Override
    public synchronized void stop(String path) {
        byPath.remove(path);
        routes = Map.copyOf(byPath);
    }
}
