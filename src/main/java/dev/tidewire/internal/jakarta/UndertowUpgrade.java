package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.DeflateOffer;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.websocket.OpeningHandshake;
import dev.tidewire.internal.engine.websocket.PerMessageDeflate;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.spec.WebConnectionImpl;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import jakarta.servlet.http.WebConnection;
import org.xnio.StreamConnection;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * One engine's WebSocket upgrades, answered on Undertow's I/O thread ({@code undertowFastPath}). It does what
 * {@link EngineServlet} and {@link ServletWebSocketUpgrade} do, without the servlet's dispatch to a worker thread and
 * the second one to start the upgraded connection: the same checks, the same 101, the same {@link UpgradedWebSocket}
 * over the same streams ({@link WebConnectionImpl} is what Undertow's Servlet upgrade gives too).
 */
final class UndertowUpgrade {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");

    private final EngineServer engine;
    private final Scheduler timers;
    private final ClassLoader deploymentLoader;

    UndertowUpgrade(EngineServer engine, Scheduler timers, ClassLoader deploymentLoader) {
        this.engine = engine;
        this.timers = timers;
        this.deploymentLoader = deploymentLoader;
    }

    /** Answers the upgrade: a refusal, or the 101 and the connection. */
    void upgrade(HttpServerExchange exchange, RequestInfo info) {
        try {
            answer(exchange, info, engine.options());
        } catch (RuntimeException e) { // as EngineServlet: a log line, and no stack trace to the client
            LOG.log(Level.WARNING, "WebSocket upgrade failed: {0}", e.toString());
            if (!exchange.isResponseStarted()) {
                exchange.getResponseHeaders().clear();
                exchange.setStatusCode(StatusCodes.BAD_REQUEST);
                exchange.setPersistent(false);
                exchange.endExchange();
            }
        }
    }

    private void answer(HttpServerExchange exchange, RequestInfo info, EngineOptions options) {
        HttpResponse refusal = engine.verifyUpgrade(info);
        if (refusal != null) {
            refuse(exchange, refusal);
            return;
        }
        HeaderMap requestHeaders = exchange.getRequestHeaders();
        DeflateOffer deflate = null;
        if (options.perMessageDeflate()) {
            HeaderValues offers = requestHeaders.get(Headers.SEC_WEB_SOCKET_EXTENSIONS);
            deflate = OpeningHandshake.deflateOffer(offers == null ? List.of() : offers);
        }
        UpgradedWebSocket socket = new UpgradedWebSocket();
        socket.prepare(engine, timers, info,
                deflate == null ? null : new PerMessageDeflate(deflate.clientResets(), options.maxHttpBufferSize()),
                options.perMessageDeflateThreshold(), UpgradedStreams.UNDERTOW, deploymentLoader);
        exchange.setStatusCode(StatusCodes.SWITCHING_PROTOCOLS);
        HeaderMap answer = exchange.getResponseHeaders();
        answer.put(Headers.UPGRADE, "websocket");
        answer.put(Headers.CONNECTION, "Upgrade");
        answer.put(Headers.SEC_WEB_SOCKET_ACCEPT,
                OpeningHandshake.acceptKey(requestHeaders.getFirst(Headers.SEC_WEB_SOCKET_KEY)));
        if (deflate != null) answer.put(Headers.SEC_WEB_SOCKET_EXTENSIONS, OpeningHandshake.deflateAnswer(deflate));
        for (Map.Entry<String, String> h : engine.upgradeHeaders(info).entrySet()) {
            answer.put(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        exchange.upgradeChannel((connection, upgraded) -> open(socket, connection, upgraded));
        exchange.endExchange();
    }

    /** Undertow calls this on the I/O thread once the 101 is written. */
    private void open(UpgradedWebSocket socket, StreamConnection connection, HttpServerExchange exchange) {
        WebConnectionImpl undertow = new WebConnectionImpl(connection, exchange.getConnection().getByteBufferPool(),
                exchange.getIoThread());
        // with TLS, Undertow's stream: a short read there does not mean that nothing is left to read
        WebConnection web = exchange.getConnection().getSslSessionInfo() != null ? undertow
                : new UndertowWebConnection(undertow, new ShortReadInput(connection.getSourceChannel()));
        connection.getCloseSetter().set(closed -> { // replaces the one WebConnectionImpl set, so does it too
            try {
                web.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing an upgraded connection failed: {0}", e.toString());
            }
            socket.destroy();
        });
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(deploymentLoader); // the engine may start application work from here
        try {
            socket.init(web);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** As {@link EngineServlet} writes a refusal: the engine's status, headers and text, then the connection closes. */
    private static void refuse(HttpServerExchange exchange, HttpResponse refusal) {
        exchange.setStatusCode(refusal.status());
        HeaderMap answer = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : refusal.headers().entrySet()) {
            answer.put(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        answer.put(Headers.CONTENT_TYPE, refusal.contentType());
        exchange.setPersistent(false);
        exchange.getResponseSender().send(ByteBuffer.wrap(refusal.body()));
    }
}
