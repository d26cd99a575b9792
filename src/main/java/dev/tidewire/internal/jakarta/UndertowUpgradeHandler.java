package dev.tidewire.internal.jakarta;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;

/**
 * First in a deployment's handler chain, on Undertow's I/O thread: a WebSocket upgrade to an engine that takes its
 * upgrades here ({@link UndertowRoutes}) is answered at once; any other request goes on to the servlets.
 */
final class UndertowUpgradeHandler implements HttpHandler {
    private final HttpHandler next;
    private final UndertowRoutes routes;

    UndertowUpgradeHandler(HttpHandler next, UndertowRoutes routes) {
        this.next = next;
        this.routes = routes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        UndertowUpgrade upgrade = routes.route(exchange.getRelativePath());
        if (upgrade == null || !isWebSocketUpgrade(exchange) || !upgrade.upgrade(exchange)) next.handleRequest(exchange);
    }

    private static boolean isWebSocketUpgrade(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.GET) && Protocols.HTTP_1_1.equals(exchange.getProtocol())
                && "websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst(Headers.UPGRADE));
    }
}
