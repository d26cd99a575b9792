package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminUiFiles;
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
    private final transient FileAnswers files;

    AdminUiServlet(AdminUiFiles files) {
        this.files = files::respond;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        files.write(pathInfo.substring(1), req, resp);
    }
}
