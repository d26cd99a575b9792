package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminUiFiles;
import dev.tidewire.internal.engine.HttpResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Writes the answers {@link AdminUiFiles} decides for the Admin UI's files (GET and HEAD), mapped at
 * {@code <uiPath>/*}. The bare {@code <uiPath>} is redirected to {@code <uiPath>/}: the page loads its scripts by
 * relative URLs, which need the trailing slash.
 */
final class AdminUiServlet extends HttpServlet {
    private final transient AdminUiFiles files;

    AdminUiServlet(AdminUiFiles files) {
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        HttpResponse answer = files.respond(pathInfo.substring(1), req.getHeader("If-None-Match"),
                req.getHeader("Accept-Encoding"));
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
