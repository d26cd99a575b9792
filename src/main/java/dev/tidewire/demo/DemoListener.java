package dev.tidewire.demo;

import dev.tidewire.demo.chat.ChatNamespace;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * The web side of the demo switch. With {@code tidewire.demo=false} the demo's pages answer 404 (its Socket.IO
 * handlers are not wired either). In the conformance fixture mode only, a test hook drops a chat user's connection
 * from the server side: {@code POST /fixture/chat/drop?nick=NAME} closes that user's Engine.IO transport (as the
 * reference's {@code socket.conn.close()}), so the browser sees "transport close" and reconnects by itself.
 */
@WebListener
public final class DemoListener implements ServletContextListener {
    private static final Logger LOG = System.getLogger("tidewire.demo");
    /** The demo's static files (src/main/webapp). */
    static final Set<String> PAGES = Set.of("/", "/index.html", "/chat.js", "/chat.css", "/favicon.svg");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Settings settings = new Settings(context);
        if (!settings.getBoolean(DemoSettings.ENABLED, true)) {
            FilterRegistration.Dynamic f = context.addFilter("tidewire-demo-off", new HttpFilter() {
                @Override
                protected void doFilter(HttpServletRequest req, HttpServletResponse res, jakarta.servlet.FilterChain chain)
                        throws IOException, jakarta.servlet.ServletException {
                    String path = req.getRequestURI().substring(req.getContextPath().length());
                    if (PAGES.contains(path)) res.sendError(404);
                    else chain.doFilter(req, res);
                }
            });
            f.setAsyncSupported(true); // it sits in front of the async polling servlet too
            f.addMappingForUrlPatterns(null, false, "/*");
            LOG.log(Level.INFO, "demo disabled ({0}=false)", DemoSettings.ENABLED);
            return;
        }
        if ("conformance".equals(settings.get("tidewire.fixture", ""))) {
            ServletRegistration.Dynamic s = context.addServlet("tidewire-demo-drop", new DropServlet());
            s.addMapping("/fixture/chat/drop");
            LOG.log(Level.INFO, "fixture hook at /fixture/chat/drop");
        }
    }

    /** Test hook (fixture mode only): closes the transport of the chat user {@code nick}. */
    static final class DropServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String id = CDI.current().select(ChatNamespace.class).get().socketOf(req.getParameter("nick"));
            Socket socket = id == null ? null
                    : CDI.current().select(SocketIoServer.class).get().of("/chat").sockets().get(id);
            if (socket == null) {
                res.sendError(404, "no such user");
                return;
            }
            socket.conn().close();
            res.setStatus(204);
        }
    }
}
