package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.util.Map;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The engine's HTTP entry point: polling requests go to the engine through a non-blocking exchange; WebSocket
 * upgrades are checked by the engine first (so refusals get the protocol's HTTP answer) and then handed to the
 * container's JSR-356 implementation ({@link WebSocketUpgrade}).
 */
final class EngineServlet extends HttpServlet {
    private static final Logger LOG = System.getLogger("tidewire.engine");

    private final transient EngineServer engine;
    private final transient WebSocketUpgrade webSocketUpgrade;
    private final transient Scheduler completions;

    /** @param completions where polling responses given outside their dispatch are written, or {@code null}: anywhere */
    EngineServlet(EngineServer engine, WebSocketUpgrade webSocketUpgrade, Scheduler completions) {
        this.engine = engine;
        this.webSocketUpgrade = webSocketUpgrade;
        this.completions = completions;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() == null && engine.options().addTrailingSlash()) {
            // the mapping <path>* also matches <path> without its slash, which the reference does not serve
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String upgrade = req.getHeader("Upgrade");
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            upgrade(req, resp);
        } else {
            ServletHttpExchange exchange;
            try {
                exchange = new ServletHttpExchange(req, resp, completions);
            } catch (IllegalStateException e) { // the container refused startAsync: no stack trace to the client
                LOG.log(Level.WARNING, "polling request at {0} refused: the container cannot hold it asynchronously "
                        + "({1}); every filter over the engine''s path must be async-supported", req.getRequestURI(),
                        e.getMessage());
                resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                return;
            }
            try {
                engine.handleHttp(exchange);
            } finally {
                exchange.dispatchEnded();
            }
        }
    }

    private void upgrade(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RequestInfo info = RequestInfos.from(req);
        HttpResponse refusal = engine.verifyUpgrade(info);
        if (refusal != null) {
            refuse(resp, refusal);
            return;
        }
        try {
            webSocketUpgrade.upgrade(req, resp, info, engine.upgradeHeaders(info));
        } catch (DeploymentException | RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket upgrade failed: {0}", e.toString());
            if (!resp.isCommitted()) {
                resp.setHeader("Connection", "close");
                resp.sendError(400);
            }
        }
    }

    /** A refused upgrade, written as the engine gave it (which closes the connection). */
    private static void refuse(HttpServletResponse resp, HttpResponse refusal) throws IOException {
        resp.setStatus(refusal.status());
        for (Map.Entry<String, String> h : refusal.headers().entrySet()) resp.setHeader(h.getKey(), h.getValue());
        resp.setContentType(refusal.contentType());
        resp.setContentLength(refusal.body().length);
        resp.getOutputStream().write(refusal.body());
    }
}
