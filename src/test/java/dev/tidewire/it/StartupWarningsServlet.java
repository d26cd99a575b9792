package dev.tidewire.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The warnings {@link ServerUsedAtStartup} kept, one per line. */
@WebServlet("/startup-warnings")
public class StartupWarningsServlet extends HttpServlet {
    @Inject
    ServerUsedAtStartup startup;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(String.join("\n", startup.warnings()));
    }
}
