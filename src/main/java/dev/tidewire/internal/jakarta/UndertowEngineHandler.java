package dev.tidewire.internal.jakarta;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * First in a deployment's handler chain, on Undertow's I/O thread: a request to an engine that takes its requests here
 * ({@link UndertowRoutes}) is answered by it; any other request goes on to the servlets.
 */
final class UndertowEngineHandler implements HttpHandler {
    private final HttpHandler next;
    private final UndertowRoutes routes;

    UndertowEngineHandler(HttpHandler next, UndertowRoutes routes) {
        this.next = next;
        this.routes = routes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        UndertowEngine engine = routes.route(exchange.getRelativePath());
        if (engine == null || !engine.handle(exchange)) next.handleRequest(exchange);
    }
}
