package dev.tidewire.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Test-only probe, deployed in its own WAR next to the application: lists the server JVM's live threads, one per
 * line as {@code name<TAB>context class loader}, so that a client test can look for threads left behind.
 */
@WebServlet("/threads")
public class ThreadsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName() + "\t" + t.getContextClassLoader())
                .sorted()
                .collect(Collectors.joining("\n")));
    }
}
