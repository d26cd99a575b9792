package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Hands an upgrade request that the engine has accepted to the container's JSR-356 implementation, so that the
 * connection ends up in an {@link EngineEndpoint} for that request. Containers differ in what
 * {@code ServerContainer.upgradeHttpToWebSocket} honours, hence one way per kind of container, chosen at deployment.
 */
interface WebSocketUpgrade {
    /** @param headers added to the 101 answer (the engine's {@code initial_headers}/{@code headers} hooks); often empty */
    void upgrade(HttpServletRequest req, HttpServletResponse resp, RequestInfo info, Map<String, String> headers)
            throws IOException, DeploymentException;

    /**
     * Called while the web application starts (endpoints can only be added then).
     *
     * @param timers     the engine's timers, where closes are deferred on containers that need it ({@link OffDispatchClose})
     * @param extensions what the endpoint offers ({@link WebSocketCompression}); only where the container applies them
     */
    static WebSocketUpgrade forContainer(ServerContainer container, EngineServer engine, String path, Scheduler timers,
                                         List<Extension> extensions) throws DeploymentException {
        // Undertow (WildFly) upgrades to the configuration it is given, which is the cheapest path per connection.
        // Tyrus (Payara, GlassFish) ignores that configuration and looks the request's path up among the endpoints
        // registered at deployment, so there the engine's endpoint is registered once at a path of its own. Undertow
        // lets a socket be closed from any thread at any time; Tyrus on Grizzly does not.
        if (Containers.isUndertow(container)) {
            return new PerRequestEndpointUpgrade(container, engine, path, extensions);
        }
        return RegisteredEndpointUpgrade.register(container, engine, path, timers, extensions);
    }
}
