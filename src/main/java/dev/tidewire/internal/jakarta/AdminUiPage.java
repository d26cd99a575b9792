package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminUiFiles;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;

/** Serves the Admin UI's own page at {@code tidewire.admin.uiPath}, so that it need not be reached on another origin. */
final class AdminUiPage {
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private AdminUiPage() {
    }

    /**
     * Maps the UI's files at {@code uiPath} (for example {@code /admin-ui}, relative to the context root). Call while
     * the context initialises. Fails when the files are missing from the class path.
     */
    static void register(ServletContext context, String uiPath) {
        AdminUiFiles files;
        try {
            files = AdminUiFiles.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Admin UI's files", e);
        }
        ServletRegistration.Dynamic reg = context.addServlet("tidewire-admin-ui", new AdminUiServlet(files));
        if (reg == null) {
            LOG.log(Level.DEBUG, "Admin UI page already registered");
            return;
        }
        Set<String> taken = reg.addMapping(uiPath + "/*");
        if (!taken.isEmpty()) LOG.log(Level.WARNING, "Admin UI page path already mapped elsewhere: {0}", taken);
        LOG.log(Level.INFO, "serving the Socket.IO Admin UI {0} at {1}/", files.version(), uiPath);
    }
}
