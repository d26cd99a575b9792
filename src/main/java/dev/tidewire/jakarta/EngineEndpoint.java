package dev.tidewire.jakarta;

import dev.tidewire.engine.EngineServer;
import dev.tidewire.engine.RequestInfo;
import dev.tidewire.engine.WebSocketHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The JSR-356 endpoint of the WebSocket transport: adapts container events to the engine's {@link WebSocketHandler}.
 * One instance per connection, made by the servlet for the request it upgrades.
 */
public final class EngineEndpoint extends Endpoint {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");

    private final EngineServer engine;
    private final RequestInfo request;
    private volatile WebSocketHandler handler;

    EngineEndpoint(EngineServer engine, RequestInfo request) {
        this.engine = engine;
        this.request = request;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        int max = engine.options().maxHttpBufferSize();
        session.setMaxTextMessageBufferSize(max);
        session.setMaxBinaryMessageBufferSize(max);
        session.setMaxIdleTimeout(0); // the heartbeat decides when a peer is gone
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> handler.onText(text));
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) data -> handler.onBinary(data));
        handler = engine.onWebSocketOpen(request, new JsrWebSocketConnection(session));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        WebSocketHandler h = handler;
        if (h != null) h.onClose(closeReason.getCloseCode().getCode());
    }

    @Override
    public void onError(Session session, Throwable error) {
        WebSocketHandler h = handler;
        if (h != null) h.onError(error);
        else LOG.log(Level.WARNING, "WebSocket failed before the engine took it: {0}", error.toString());
    }
}
