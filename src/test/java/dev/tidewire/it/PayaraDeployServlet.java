package dev.tidewire.it;

import dev.tidewire.it.payara.PayaraMicroRuntime;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Test-only probe for Payara Micro: {@code POST deploy?name=N&war=PATH} deploys a WAR file of this machine at context
 * root /, {@code POST undeploy?name=N} undeploys it, through Payara Micro's runtime API (reached reflectively, so the
 * tests need no Payara jar to compile). 204 when done, 500 with the reason otherwise.
 */
@WebServlet({"/deploy", "/undeploy"})
public class PayaraDeployServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Object runtime = PayaraMicroRuntime.get();
            String name = req.getParameter("name");
            if (req.getServletPath().equals("/deploy")) {
                Method deploy = runtime.getClass().getMethod("deploy", String.class, String.class, File.class);
                Object ok = deploy.invoke(runtime, name, "/", new File(req.getParameter("war")));
                if (!Boolean.TRUE.equals(ok)) throw new IllegalStateException("deploy returned " + ok);
            } else {
                runtime.getClass().getMethod("undeploy", String.class).invoke(runtime, name);
            }
            resp.setStatus(204);
        } catch (ReflectiveOperationException | RuntimeException e) {
            resp.sendError(500, e.toString());
        }
    }
}
