package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.ConnectionListener;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.WebSocketFraming;
import dev.tidewire.internal.engine.Scheduler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Mounts an {@link EngineServer} in a web application at its configured path: one async servlet that serves
 * polling and performs WebSocket upgrades (see {@link WebSocketUpgrade}). Call {@link #register} while the context initialises (from a
 * {@code ServletContextListener} or {@code ServletContainerInitializer}) and {@link #shutdown} when it is destroyed.
 */
public final class EngineRegistration {
    private static final Logger LOG = System.getLogger("tidewire.engine");

    private final EngineServer engine;
    private final Schedulers.Owned scheduler;
    /** Where this engine's upgrades are answered before the servlet, or {@code null}. */
    private final FastPath fastPath;
    private final String path;

    private EngineRegistration(EngineServer engine, Schedulers.Owned scheduler, FastPath fastPath,
                               String path) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.fastPath = fastPath;
        this.path = path;
    }

    public static EngineRegistration register(ServletContext context, EngineOptions options, ConnectionListener listener) {
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) throw new IllegalStateException("this container offers no JSR-356 ServerContainer");
        Schedulers.Owned scheduler = Schedulers.create();
        EngineServer engine = new EngineServer(options, scheduler.scheduler(), listener);
        String name = "tidewire-engine" + options.path().replace('/', '-');
        WebSocketUpgrade upgrade;
        // Tidewire's framing unless told otherwise: it costs less CPU per message than WildFly's or Payara's (bench/)
        FastPath fastPath = null;
        if (options.webSocketFraming() != WebSocketFraming.CONTAINER) {
            upgrade = new ServletWebSocketUpgrade(engine, scheduler.scheduler(),
                    Containers.isUndertow(container) ? UpgradedStreams.UNDERTOW : UpgradedStreams.BUFFERED);
            LOG.log(Level.INFO, "WebSocket at {0}: framed by Tidewire over the Servlet HTTP upgrade{1}", options.path(),
                    options.perMessageDeflate() ? ", with permessage-deflate" : "");
            if (options.undertowFastPath() && Containers.isUndertow(container)) {
                fastPath = fastPath(context, options.path(), name);
            }
        } else {
            try {
                upgrade = WebSocketUpgrade.forContainer(container, engine, options.path(), scheduler.scheduler(),
                        WebSocketCompression.install(context, container, options));
            } catch (DeploymentException e) {
                throw new IllegalStateException("the WebSocket endpoint could not be registered at " + options.path(), e);
            }
        }
        // elsewhere (Payara) finishing a request runs its completion on the calling thread: see ServletHttpExchange
        Scheduler completions = Containers.isUndertow(container) ? null : scheduler.scheduler();
        ServletRegistration.Dynamic reg = context.addServlet(name, new EngineServlet(engine, upgrade, completions));
        if (reg == null) throw new IllegalStateException("a servlet named " + name + " is already registered");
        reg.setAsyncSupported(true);
        reg.setLoadOnStartup(1);
        reg.addMapping(options.path() + "*");
        if (fastPath != null) {
            fastPath.serve(options.path(), engine, scheduler.scheduler(), Thread.currentThread().getContextClassLoader());
        }
        LOG.log(Level.INFO, "Engine.IO server at {0} (transports {1}, pingInterval {2}, pingTimeout {3})",
                options.path(), options.transports(), options.pingInterval(), options.pingTimeout());
        return new EngineRegistration(engine, scheduler, fastPath, options.path());
    }

    /** Whether the application has an {@link HttpAuthenticationMechanism} bean: it may authenticate any request. */
    private static boolean hasJakartaSecurityMechanism() {
        try {
            return !CDI.current().select(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).isUnsatisfied();
        } catch (IllegalStateException | LinkageError e) { // no CDI, or no Jakarta Security: nothing authenticates so
            return false;
        }
    }

    /**
     * The container's fast path for the requests to {@code path}, or {@code null} (and why, in the log) when there is none
     * or a filter or security constraint covers the path: those the servlet applies, the fast path would not.
     */
    private static FastPath fastPath(ServletContext context, String path, String servletName) {
        FastPath fast = (FastPath) context.getAttribute(FastPath.ATTRIBUTE);
        String obstacle = fast == null ? "Undertow did not load Tidewire's ServletExtension" : fast.obstacle(path);
        if (obstacle == null && hasJakartaSecurityMechanism()) {
            obstacle = "a Jakarta Security authentication mechanism can authenticate the upgrade (its user becomes the "
                    + "socket's), which only the servlet applies";
        }
        for (FilterRegistration filter : context.getFilterRegistrations().values()) {
            if (obstacle != null) break;
            if (filter.getServletNameMappings().contains(servletName) || filter.getServletNameMappings().contains("*")
                    || filter.getUrlPatternMappings().stream().anyMatch(p -> UrlPatterns.matches(p, path))) {
                obstacle = "the filter " + filter.getName() + " covers it";
            }
        }
        if (obstacle == null) {
            LOG.log(Level.INFO, "WebSocket upgrades and polling at {0}: answered on Undertow''s I/O thread "
                    + "(undertowFastPath)", path);
            return fast;
        }
        LOG.log(Level.WARNING, "undertowFastPath is on, but the requests at {0} go through the servlet: {1}",
                path, obstacle);
        return null;
    }

    public EngineServer engine() {
        return engine;
    }

    /** Closes every session and stops the timers this registration owns. */
    public void shutdown() {
        if (fastPath != null) fastPath.stop(path);
        engine.shutdown();
        scheduler.close();
    }

}
