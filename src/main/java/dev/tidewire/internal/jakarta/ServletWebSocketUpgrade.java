package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.DeflateOffer;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.websocket.OpeningHandshake;
import dev.tidewire.internal.engine.websocket.PerMessageDeflate;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;

/**
 * The upgrade for {@code webSocketFraming} {@code tidewire}: the engine answers the handshake itself (RFC 6455 section
 * 4.2.2, permessage-deflate by {@link DeflateOffer}) and takes the connection through the Servlet HTTP upgrade, into
 * an {@link UpgradedWebSocket}. The container's JSR-356 implementation is not involved.
 */
final class ServletWebSocketUpgrade implements WebSocketUpgrade {
    private final EngineServer engine;
    private final Scheduler timers;
    private final UpgradedStreams streams;

    /**
     * @param timers         where a closed connection's last reads are bounded in time
     * @param streams what the container's upgraded streams need
     */
    ServletWebSocketUpgrade(EngineServer engine, Scheduler timers, UpgradedStreams streams) {
        this.engine = engine;
        this.timers = timers;
        this.streams = streams;
    }

    @Override
    public void upgrade(HttpServletRequest req, HttpServletResponse resp, RequestInfo info, Map<String, String> headers)
            throws IOException {
        EngineOptions options = engine.options();
        DeflateOffer deflate = null;
        if (options.perMessageDeflate()) {
            deflate = OpeningHandshake.deflateOffer(Collections.list(req.getHeaders("Sec-WebSocket-Extensions")));
        }
        UpgradedWebSocket socket;
        try {
            socket = req.upgrade(UpgradedWebSocket.class); // the container takes the connection once this returns
        } catch (ServletException e) {
            throw new IllegalStateException("the container refused the HTTP upgrade", e);
        }
        resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        resp.setHeader("Upgrade", "websocket");
        resp.setHeader("Connection", "Upgrade");
        resp.setHeader("Sec-WebSocket-Accept", OpeningHandshake.acceptKey(req.getHeader("Sec-WebSocket-Key")));
        if (deflate != null) resp.setHeader("Sec-WebSocket-Extensions", OpeningHandshake.deflateAnswer(deflate));
        for (Map.Entry<String, String> h : headers.entrySet()) resp.setHeader(h.getKey(), h.getValue());
        socket.prepare(engine, timers, info,
                deflate == null ? null : new PerMessageDeflate(deflate.clientResets(), options.maxHttpBufferSize()),
                options.perMessageDeflateThreshold(), streams,
                Thread.currentThread().getContextClassLoader()); // the servlet's thread: the deployment's
        resp.flushBuffer(); // Grizzly (Payara) sends the 101 only when told to; Undertow sends it on its own
    }
}
