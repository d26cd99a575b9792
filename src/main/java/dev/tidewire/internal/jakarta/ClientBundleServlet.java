package dev.tidewire.internal.jakarta;

import dev.tidewire.server.ClientBundleFiles;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes the answers {@link ClientBundleFiles} decides for the client bundle files (GET and HEAD). */
final class ClientBundleServlet extends HttpServlet {
    private final transient FileAnswers files;

    ClientBundleServlet(ClientBundleFiles files) {
        this.files = files::respond;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        files.write(path.substring(path.lastIndexOf('/') + 1), req, resp);
    }
}
