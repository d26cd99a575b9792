package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.AllowRequest;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import io.undertow.util.SameThreadExecutor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine's requests on Undertow's I/O thread ({@code undertowFastPath}): what {@link EngineServlet} does, without
 * the servlet's dispatch to a worker thread. WebSocket upgrades go to {@link UndertowUpgrade}; polling requests to the
 * engine through an {@link UndertowHttpExchange}. HTTP/1.1 only; other upgrades go to the servlet.
 */
final class UndertowEngine {
    private static final Logger LOG = System.getLogger("tidewire.engine");

    private final EngineServer engine;
    private final UndertowUpgrade upgrades;
    private final ClassLoader deploymentLoader;

    UndertowEngine(EngineServer engine, Scheduler timers, ClassLoader deploymentLoader) {
        this.engine = engine;
        this.upgrades = new UndertowUpgrade(engine, timers, deploymentLoader);
        this.deploymentLoader = deploymentLoader;
    }

    /**
     * @return {@code false}: the servlet is to answer it. So it is when the application set hooks or an
     *     {@code allowRequest}: they may block, and may expect the request's CDI scope, which only the servlet's
     *     worker thread has.
     */
    boolean handle(HttpServerExchange exchange) {
        if (!Protocols.HTTP_1_1.equals(exchange.getProtocol())) return false;
        if (engine.options().allowRequest() != AllowRequest.ALLOW_ALL || !engine.hooks().isEmpty()) return false;
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        if (upgrade == null) {
            // Undertow's servlet layer sends the 100 that an Expect asks for; its bare exchange does not
            if (exchange.getRequestHeaders().contains(Headers.EXPECT)) return false;
            poll(exchange);
            return true;
        }
        if (!"websocket".equalsIgnoreCase(upgrade) || !exchange.getRequestMethod().equals(Methods.GET)) return false;
        upgrades.upgrade(exchange, requestInfo(exchange));
        return true;
    }

    /**
     * The engine answers when it will (a held poll), so the exchange is dispatched: Undertow does not end it when this
     * handler returns. The engine runs right after, on this I/O thread.
     */
    private void poll(HttpServerExchange exchange) {
        UndertowHttpExchange polling = new UndertowHttpExchange(exchange, requestInfo(exchange), deploymentLoader);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> polling.inDeployment(() -> {
            try {
                engine.handleHttp(polling);
            } catch (RuntimeException e) { // a log line, and no stack trace to the client
                LOG.log(Level.WARNING, "polling request failed: {0}", e.toString());
                polling.respond(HttpResponse.empty(500, Map.of("Connection", "close")));
            }
        }));
    }

    /** As {@link RequestInfos#from} makes it from the servlet request that Undertow would make of this exchange. */
    static RequestInfo requestInfo(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.computeIfAbsent(CommonStrings.headerName(values.getHeaderName().toString()),
                    k -> new ArrayList<>()).addAll(values);
        }
        String query = exchange.getQueryString();
        String url = exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
        return new RequestInfo(headers, RequestInfos.parseQuery(query), remoteAddress(exchange),
                exchange.isSecure(), url, null);
    }

    private static String remoteAddress(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        if (source == null) return "";
        return source.getAddress() != null ? source.getAddress().getHostAddress() : source.getHostString();
    }
}
