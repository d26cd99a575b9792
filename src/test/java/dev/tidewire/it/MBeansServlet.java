package dev.tidewire.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * Test-only probe, deployed with {@link ThreadsServlet}: lists the names of the platform MBean server's
 * {@code dev.tidewire} MBeans, one per line, so that a client test can see them registered and gone.
 */
@WebServlet("/mbeans")
public class MBeansServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("dev.tidewire:*"), null).stream()
                    .map(ObjectName::getCanonicalName).sorted().collect(Collectors.joining("\n")));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
