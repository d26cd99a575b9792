package dev.tidewire.internal.jakarta;

import dev.tidewire.server.ClientBundleFiles;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * Serves the official browser client ({@code socket.io.js}, {@code socket.io.min.js}, {@code socket.io.esm.min.js}
 * and their source maps) under the Socket.IO path, as the reference does with {@code serveClient: true}. The files
 * get exact-match servlet mappings, which win over the engine's {@code <path>*} mapping.
 */
public final class ClientBundle {
    private static final Logger LOG = System.getLogger("tidewire.socketio.client");

    private ClientBundle() {
    }

    /**
     * Maps the bundle files at {@code socketIoPath} (for example {@code /socket.io/}, relative to the context root).
     * Call while the context initialises; a second call for the same path does nothing. Fails when the files are
     * missing from the class path.
     */
    public static void register(ServletContext context, String socketIoPath) {
        String base = socketIoPath.startsWith("/") ? socketIoPath : "/" + socketIoPath;
        if (!base.endsWith("/")) base += "/";
        ClientBundleFiles files;
        try {
            files = ClientBundleFiles.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the client bundle", e);
        }
        String name = "tidewire-client" + base.replace('/', '-');
        ServletRegistration.Dynamic reg = context.addServlet(name, new ClientBundleServlet(files));
        if (reg == null) {
            LOG.log(Level.DEBUG, "client bundle already registered at {0}", base);
            return;
        }
        String[] patterns = files.names().stream().map(base::concat).toArray(String[]::new);
        Set<String> taken = reg.addMapping(patterns);
        if (!taken.isEmpty()) LOG.log(Level.WARNING, "client bundle paths already mapped elsewhere: {0}", taken);
        LOG.log(Level.INFO, "serving socket.io-client {0} at {1}socket.io.min.js", files.version(), base);
    }
}
