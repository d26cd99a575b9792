package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Mounts the Socket.IO server on the web application at start ({@code tidewire.enabled}, default true) and
 * shuts it down with the application.
 */
@WebListener
public final class SocketIoListener implements ServletContextListener {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private SocketIoRuntime runtime;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Settings settings = new Settings(event.getServletContext());
        if (!settings.getBoolean("tidewire.enabled", true)) {
            LOG.log(Level.INFO, "Socket.IO server disabled (tidewire.enabled=false)");
            return;
        }
        runtime = CDI.current().select(SocketIoRuntime.class).get();
        runtime.mount(event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (runtime != null) runtime.shutdown();
    }
}
