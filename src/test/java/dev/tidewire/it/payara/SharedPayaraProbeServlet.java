package dev.tidewire.it.payara;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.File;
import java.io.IOException;
import java.util.Collection;

/**
 * The probe WAR of {@link SharedPayaraMicroContainer}, deployed when the shared Payara Micro starts:
 * {@code POST deploy?name=N&contextroot=R&war=PATH} deploys a WAR file of this machine, {@code POST undeploy?name=N}
 * undeploys it (204 when done, 500 with the reason otherwise), and {@code GET apps} lists the deployed applications'
 * names, one a line. Payara Micro's runtime API is reached reflectively (as {@code PayaraDeployServlet} does), so the
 * tests need no Payara jar to compile.
 */
@WebServlet({"/deploy", "/undeploy", "/apps"})
public class SharedPayaraProbeServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().equals("/apps")) {
            resp.sendError(405);
            return;
        }
        try {
            Object runtime = PayaraMicroRuntime.get();
            Collection<?> names = (Collection<?>) runtime.getClass().getMethod("getDeployedApplicationNames")
                    .invoke(runtime);
            StringBuilder body = new StringBuilder();
            for (Object name : names) body.append(name).append('\n');
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(body.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            resp.sendError(500, e.toString());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Object runtime = PayaraMicroRuntime.get();
            String name = req.getParameter("name");
            switch (req.getServletPath()) {
                case "/deploy" -> {
                    Object ok = runtime.getClass().getMethod("deploy", String.class, String.class, File.class)
                            .invoke(runtime, name, req.getParameter("contextroot"), new File(req.getParameter("war")));
                    if (!Boolean.TRUE.equals(ok)) throw new IllegalStateException("deploy returned " + ok);
                }
                case "/undeploy" -> runtime.getClass().getMethod("undeploy", String.class).invoke(runtime, name);
                default -> {
                    resp.sendError(405);
                    return;
                }
            }
            resp.setStatus(204);
        } catch (ReflectiveOperationException | RuntimeException e) {
            resp.sendError(500, e.toString());
        }
    }
}
