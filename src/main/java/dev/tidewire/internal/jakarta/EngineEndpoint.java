package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.InboundSizeLimit;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.WebSocketHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The JSR-356 endpoint of the WebSocket transport: adapts container events to the engine's {@link WebSocketHandler}.
 * One instance per connection, made for the request it upgrades: given that request when the container honours a
 * per-request configuration, or finding it in the connection's user properties (see {@link RegisteredEndpointUpgrade}).
 */
public final class EngineEndpoint extends Endpoint {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");

    private final EngineServer engine;
    private final RequestInfo request;
    private final Scheduler closeTimers;
    private volatile WebSocketHandler handler;
    private volatile OffDispatchClose offDispatch;
    private volatile JsrWebSocketConnection connection;

    /**
     * @param request the upgraded request, or {@code null} to take it from the user properties at open
     * @param closeTimers where closes are deferred to (see {@link OffDispatchClose}), or {@code null} where the
     *     container lets a socket be closed from any thread at any time
     */
    EngineEndpoint(EngineServer engine, RequestInfo request, Scheduler closeTimers) {
        this.engine = engine;
        this.request = request;
        this.closeTimers = closeTimers;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (closeTimers != null) offDispatch = OffDispatchClose.openingNow(closeTimers);
        connection = new JsrWebSocketConnection(session, offDispatch);
        RequestInfo info = request != null ? request
                : (RequestInfo) config.getUserProperties().get(RegisteredEndpointUpgrade.REQUEST_PROPERTY);
        if (info == null) { // cannot happen through the servlet; refuse rather than serve an unchecked connection
            LOG.log(Level.WARNING, "WebSocket opened without an upgrade request checked by the engine; closing");
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "not upgraded by the engine");
            return;
        }
        int max = engine.options().maxHttpBufferSize();
        session.setMaxTextMessageBufferSize(max);
        session.setMaxBinaryMessageBufferSize(max);
        session.setMaxIdleTimeout(0); // the heartbeat decides when a peer is gone
        // the engine bounds what the containers do not: text across the frames of a fragmented message (Undertow),
        // a single large binary frame (Tyrus)
        InboundSizeLimit limit = new InboundSizeLimit(max, connection);
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) limit::onTextPart);
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) limit::onBinary);
        handler = engine.onWebSocketOpen(info, connection);
        limit.attach(handler);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        WebSocketHandler h = handler;
        if (h != null) h.onClose(closeReason.getCloseCode().getCode());
        OffDispatchClose off = offDispatch;
        if (off != null) off.holdUntilSafe(); // the container finishes the close when this returns
    }

    @Override
    public void onError(Session session, Throwable error) {
        WebSocketHandler h = handler;
        if (h != null) h.onError(error);
        else LOG.log(Level.WARNING, "WebSocket failed before the engine took it: {0}", error.toString());
    }
}
