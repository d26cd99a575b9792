package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Undertow fast path, on by default on WildFly: the WebSocket upgrades and polling requests of /socket.io/ are
 * answered in Undertow's handler chain, so no servlet sees them. The fixture's Engine.IO echo at /engine.io/ has it off
 * here and keeps the servlet path, which shows that the counting can see both. Every other IT on WildFly runs over the fast path;
 * {@link ServletUpgradeOnWildFlyIT} runs the Node suite without it. (Payara has no such path.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class UndertowFastPathOnWildFlyIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.fixture.engine.undertowFastPath", "false"));
    }

    @ArquillianResource
    URL base;

    @Test
    void requestsToTheFastPathNeverReachTheServlets() throws Exception {
        Eio eio = new Eio(base);
        long upgradesBefore = ServletsSeen.upgrades(eio, "/socket.io/");
        long pollingBefore = ServletsSeen.others(eio, "/socket.io/");
        long servletUpgradesBefore = ServletsSeen.upgrades(eio, "/engine.io/");
        long servletPollingBefore = ServletsSeen.others(eio, "/engine.io/");
        ServletsSeen.openSocketIoWebSocket(eio);
        ServletsSeen.pollSocketIo(eio);
        try (WsClient viaServlet = WsClient.openSession(eio)) {
            viaServlet.assertEchoes("the servlet path");
        }
        HttpResponse<String> handshake = eio.get("EIO=4&transport=polling");
        assertEquals(200, handshake.statusCode(), handshake.body());
        assertEquals(servletUpgradesBefore + 1, ServletsSeen.upgrades(eio, "/engine.io/"), "the servlet path's upgrade");
        assertEquals(servletPollingBefore + 1, ServletsSeen.others(eio, "/engine.io/"), "the servlet path's polling");
        assertEquals(upgradesBefore, ServletsSeen.upgrades(eio, "/socket.io/"), "upgrades the fast path answered");
        assertEquals(pollingBefore, ServletsSeen.others(eio, "/socket.io/"), "polling requests the fast path answered");
    }
}
