package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The upgrade as WebSocket 2.1 describes it: a configuration built for this request, whose configurator hands the
 * container the {@link EngineEndpoint} of this request. Used where the container honours that configuration
 * (Undertow).
 */
final class PerRequestEndpointUpgrade implements WebSocketUpgrade {
    private final ServerContainer container;
    private final EngineServer engine;
    private final String path;
    private final List<Extension> extensions;
    private final ServerEndpointConfig.Configurator containerDefault = new ServerEndpointConfig.Configurator();

    /** @param extensions what the endpoint offers, negotiated by the container's default configurator */
    PerRequestEndpointUpgrade(ServerContainer container, EngineServer engine, String path, List<Extension> extensions) {
        this.container = container;
        this.engine = engine;
        this.path = path;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public void upgrade(HttpServletRequest req, HttpServletResponse resp, RequestInfo info, Map<String, String> headers)
            throws IOException, DeploymentException {
        EngineEndpoint endpoint = new EngineEndpoint(engine, info, null);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(EngineEndpoint.class, path)
                .extensions(extensions)
                .configurator(new EngineEndpointConfigurator(containerDefault, endpoint, headers)).build();
        container.upgradeHttpToWebSocket(req, resp, config, Map.of());
    }
}
