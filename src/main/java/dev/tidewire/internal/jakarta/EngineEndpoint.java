package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
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
        // text arrives in parts and is bounded here: Undertow does not apply the text limit across the frames of
        // a fragmented message (the JDK client fragments long texts), so a Whole<String> handler would buffer any size
        session.addMessageHandler(String.class, new BoundedText(max));
        // Tyrus (Payara) applies the binary limit only to fragmented messages, so a single large frame is checked here
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) data -> {
            if (data.length > max) closeTooBig(max);
            else handler.onBinary(data);
        });
        handler = engine.onWebSocketOpen(info, connection);
    }

    /** Joins the parts of a text message; over {@code max} UTF-8 bytes the socket is closed with 1009, as ws does. */
    private final class BoundedText implements MessageHandler.Partial<String> {
        private final long max;
        private final StringBuilder parts = new StringBuilder();
        private long bytes;
        private boolean tooBig;

        BoundedText(long max) {
            this.max = max;
        }

        @Override
        public void onMessage(String part, boolean last) {
            if (last && bytes == 0 && parts.length() == 0 && 3L * part.length() <= max) {
                handler.onText(part); // a whole message that cannot be over the limit: no byte count needed
                return;
            }
            if (!tooBig) {
                bytes += utf8Length(part);
                if (bytes > max) {
                    tooBig = true;
                    parts.setLength(0);
                    closeTooBig(max);
                } else if (last && parts.length() == 0) {
                    handler.onText(part);
                } else {
                    parts.append(part);
                    if (last) {
                        String text = parts.toString();
                        parts.setLength(0);
                        handler.onText(text);
                    }
                }
            }
            if (last) {
                bytes = 0;
                tooBig = false;
            }
        }

    }

    /** Over {@code max} bytes the socket is closed with 1009, as ws does. */
    private void closeTooBig(long max) {
        LOG.log(Level.DEBUG, "message over {0} bytes; closing with 1009", max);
        connection.close(CloseReason.CloseCodes.TOO_BIG.getCode(), "message too big");
    }

    /** UTF-8 length; each half of a surrogate pair counts 2, so a pair split across parts still counts 4. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
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
