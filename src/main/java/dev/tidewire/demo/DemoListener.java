package dev.tidewire.demo;

import dev.tidewire.jakarta.Settings;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * The web side of the demo switch. With {@code tidewire.demo=false} the demo's pages answer 404 (its Socket.IO
 * handlers are not wired either).
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
        }
    }
}
