package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.server.ClientBundleFiles;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes the answers {@link ClientBundleFiles} decides for the client bundle files (GET and HEAD). */
final class ClientBundleServlet extends HttpServlet {
    private final transient ClientBundleFiles files;

    ClientBundleServlet(ClientBundleFiles files) {
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        HttpResponse answer = files.respond(name, req.getHeader("If-None-Match"), req.getHeader("Accept-Encoding"));
        if (answer == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setStatus(answer.status());
        answer.headers().forEach(resp::setHeader);
        if (answer.contentType() != null) resp.setContentType(answer.contentType());
        if (answer.body().length > 0) {
            resp.setContentLength(answer.body().length);
            resp.getOutputStream().write(answer.body());
        }
    }
}
