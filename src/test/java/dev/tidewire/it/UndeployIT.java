package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Undeploying the application ends its sessions: an open WebSocket is closed by the server (1001, going away), a
 * pending poll is answered with a close packet, the engine's URL is gone, and no tidewire-* thread is left running.
 * The thread list comes from a separate probe WAR ({@link ThreadsServlet}) that stays deployed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {
    private static final String APP = "tidewire";
    private static final String PROBE = "probe";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        return Deployments.conformanceWar();
    }

    @Deployment(name = PROBE, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "threads-probe.war").addClass(ThreadsServlet.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment(PROBE)
    URL probeBase;

    @Test
    void undeployClosesEverySessionAndLeavesNoThreads() throws Exception {
        URL appBase = URI.create(probeBase.toString()).resolve("/").toURL(); // the application's context root is /
        Eio eio = new Eio(appBase);
        deployer.deploy(APP);
        boolean deployed = true;
        try (WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
             PollingSession polling = PollingSession.open(eio)) {
            ws.nextText();
            ws.assertEchoes("before undeploy");
            polling.assertEchoes("before undeploy");
            System.out.println("threads before undeploy:\n" + threads());

            deployer.undeploy(APP);
            deployed = false;

            WsClient.Closed closed = ws.awaitClosed();
            assertEquals(1001, closed.code(), String.valueOf(closed));
            HttpResponse<String> lastPoll = polling.awaitEnd();
            assertEquals(200, lastPoll.statusCode(), lastPoll.body());
            assertEquals("1", lastPoll.body());
            assertEquals(404, eio.get(polling.query()).statusCode());
            assertEquals(404, eio.get("EIO=4&transport=polling").statusCode());
        } finally {
            if (deployed) deployer.undeploy(APP);
        }
        String threads = threads();
        System.out.println("threads after undeploy:\n" + threads);
        List<String> left = threads.lines().filter(l -> l.startsWith("tidewire")).toList();
        assertEquals(List.of(), left, "tidewire threads left after undeploy");
        // on WildFly the timers run on the managed scheduled executor, so there are no tidewire-* threads to begin
        // with; a thread still holding the undeployed application's class loader would be a leak as well
        List<String> holding = threads.lines().filter(l -> l.contains("deployment.tidewire.war")).toList();
        assertEquals(List.of(), holding, "threads still holding the undeployed application's class loader");
    }

    private String threads() {
        HttpResponse<String> r = Eio.send(HttpRequest.newBuilder(URI.create(probeBase.toString()).resolve("threads"))
                .timeout(Eio.WAIT).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
