package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The upgrade for containers that upgrade only to endpoints registered at deployment (Tyrus: Payara, GlassFish). The
 * engine's endpoint is registered once, at a path of its own under the engine's path; the servlet checks a request
 * as usual and then asks the container to upgrade it to that path. The request being upgraded travels from the
 * servlet's thread to the handshake in a thread-local (the container runs the configurator inside
 * {@code upgradeHttpToWebSocket}, on the calling thread) and from the handshake to {@link EngineEndpoint#onOpen} in
 * the per-connection user properties (WebSocket 2.1: each handshake gets its own copy). A client that asks for the
 * registered path directly never went through the servlet: there is no pending request, so its origin check fails
 * (403).
 */
final class RegisteredEndpointUpgrade implements WebSocketUpgrade {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    /** Appended to the engine's path; not a path any client is given. */
    static final String ENDPOINT_SUFFIX = ".websocket";
    static final String REQUEST_PROPERTY = RequestInfo.class.getName();

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    /** The request being upgraded, and the headers the engine's hooks add to its 101 answer. */
    private record Pending(RequestInfo info, Map<String, String> headers) {
    }

    private final ServerContainer container;
    private final ServerEndpointConfig config;

    private RegisteredEndpointUpgrade(ServerContainer container, ServerEndpointConfig config) {
        this.container = container;
        this.config = config;
    }

    static RegisteredEndpointUpgrade register(ServerContainer container, EngineServer engine, String enginePath,
                                              Scheduler closeTimers, List<Extension> extensions)
            throws DeploymentException {
        String endpointPath = enginePath + ENDPOINT_SUFFIX;
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(EngineEndpoint.class, endpointPath)
                .extensions(extensions).configurator(new PendingRequestConfigurator(engine, closeTimers)).build();
        container.addEndpoint(config);
        LOG.log(Level.DEBUG, "WebSocket endpoint registered at {0} ({1})", endpointPath, container.getClass().getName());
        return new RegisteredEndpointUpgrade(container, config);
    }

    @Override
    public void upgrade(HttpServletRequest req, HttpServletResponse resp, RequestInfo info, Map<String, String> headers)
            throws IOException, DeploymentException {
        PENDING.set(new Pending(info, headers));
        try {
            container.upgradeHttpToWebSocket(req, resp, config, Map.of());
        } finally {
            PENDING.remove();
        }
        if (resp.getStatus() != 101 && !resp.isCommitted()) {
            // Tyrus answers nothing when a handshake lacks what it needs (e.g. Sec-WebSocket-Key)
            LOG.log(Level.INFO, "the container did not take the WebSocket handshake; answered 400");
            resp.setHeader("Connection", "close");
            resp.sendError(400);
        }
    }

    static List<Extension> negotiate(List<Extension> installed, List<Extension> requested,
                                     BiFunction<List<Extension>, List<Extension>, List<Extension>> containerDefault) {
        List<Extension> result = new ArrayList<>();
        List<Extension> others = new ArrayList<>();
        for (Extension e : installed) {
            if (e instanceof WebSocketCompression.Negotiating n) {
                Extension negotiated = n.negotiate(requested);
                if (negotiated != null) result.add(negotiated);
            } else {
                others.add(e);
            }
        }
        if (!others.isEmpty()) result.addAll(containerDefault.apply(others, requested));
        return result;
    }

    /**
     * Admits only handshakes started by {@link #upgrade}, and passes their request on to the endpoint. Everything else
     * is the container's default behaviour.
     */
    private static final class PendingRequestConfigurator extends ContainerDefaultConfigurator {
        private final EngineServer engine;
        private final Scheduler closeTimers;

        PendingRequestConfigurator(EngineServer engine, Scheduler closeTimers) {
            super(new ServerEndpointConfig.Configurator());
            this.engine = engine;
            this.closeTimers = closeTimers;
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            if (PENDING.get() == null) {
                LOG.log(Level.DEBUG, "refused a WebSocket request that did not come through the engine");
                return false;
            }
            return super.checkOrigin(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Pending pending = PENDING.get();
            if (pending != null) sec.getUserProperties().put(REQUEST_PROPERTY, pending.info());
            super.modifyHandshake(sec, request, response);
            if (pending != null) EngineEndpointConfigurator.addHeaders(response, pending.headers());
        }

        /**
         * Extensions that negotiate themselves ({@link WebSocketCompression.Negotiating}: Tidewire's deflate on Tyrus)
         * pick their offer and make the connection's extension; the container's default negotiates the others.
         */
        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return negotiate(installed, requested, super::getNegotiatedExtensions);
        }

        @Override
        public <T> T getEndpointInstance(Class<T> type) {
            return type.cast(new EngineEndpoint(engine, null, closeTimers));
        }
    }
}
