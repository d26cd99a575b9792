package dev.tidewire.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collection;

/**
 * Test-only probe for Payara Micro: {@code POST deploy?name=N&war=PATH} deploys a WAR file of this machine at context
 * root / (or at {@code contextroot=R}), {@code POST undeploy?name=N} undeploys it, through Payara Micro's runtime API
 * (reached reflectively, so the tests need no Payara jar to compile). 204 when done, 500 with the reason otherwise.
 * {@code GET apps} lists the deployed applications' names, one a line (the shared Payara Micro container of the ITs,
 * {@code dev.tidewire.it.payara}, polls it to see the probe up and checks it after each deploy and undeploy).
 */
@WebServlet({"/deploy", "/undeploy", "/apps"})
public class PayaraDeployServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getServletPath().equals("/apps")) {
            resp.sendError(405);
            return;
        }
        try {
            Object runtime = runtime();
            Collection<?> names = (Collection<?>) runtime.getClass().getMethod("getDeployedApplicationNames")
                    .invoke(runtime);
            resp.setContentType("text/plain;charset=UTF-8");
            StringBuilder body = new StringBuilder();
            for (Object name : names) body.append(name).append('\n');
            resp.getWriter().write(body.toString());
        } catch (ReflectiveOperationException | RuntimeException e) {
            resp.sendError(500, e.toString());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            Object runtime = runtime();
            String name = req.getParameter("name");
            if (req.getServletPath().equals("/deploy")) {
                String contextRoot = req.getParameter("contextroot");
                Method deploy = runtime.getClass().getMethod("deploy", String.class, String.class, File.class);
                Object ok = deploy.invoke(runtime, name, contextRoot == null ? "/" : contextRoot,
                        new File(req.getParameter("war")));
                if (!Boolean.TRUE.equals(ok)) throw new IllegalStateException("deploy returned " + ok);
            } else if (req.getServletPath().equals("/apps")) {
                resp.sendError(405);
                return;
            } else {
                runtime.getClass().getMethod("undeploy", String.class).invoke(runtime, name);
            }
            resp.setStatus(204);
        } catch (ReflectiveOperationException | RuntimeException e) {
            resp.sendError(500, e.toString());
        }
    }

    private static Object runtime() throws ReflectiveOperationException {
        // the runtime API is in the launcher jar, on the JVM's class path, not visible to applications
        Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro", true, ClassLoader.getSystemClassLoader());
        Object instance = micro.getMethod("getInstance").invoke(null);
        return micro.getMethod("getRuntime").invoke(instance);
    }
}
