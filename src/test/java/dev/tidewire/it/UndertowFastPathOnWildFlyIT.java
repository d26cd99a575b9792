package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Undertow fast path, on by default on WildFly: the WebSocket upgrades of /socket.io/ are answered in Undertow's
 * handler chain, so no servlet sees them. The fixture's Engine.IO echo at /engine.io/ has it off here and keeps the
 * servlet path, which shows that the counting can see an upgrade. Every other IT on WildFly runs over the fast path;
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
    void upgradesToTheFastPathNeverReachTheServlets() throws Exception {
        Eio eio = new Eio(base);
        long fastBefore = upgradesSeenByServlets(eio, "/socket.io/");
        long servletBefore = upgradesSeenByServlets(eio, "/engine.io/");
        URI socketIo = URI.create(eio.at("socket.io/?EIO=4&transport=websocket").toString().replaceFirst("^http", "ws"));
        try (WsClient fast = WsClient.connect(socketIo)) {
            String open = fast.nextText();
            assertTrue(open.startsWith("0{\"sid\":"), open);
        }
        try (WsClient viaServlet = WsClient.openSession(eio)) {
            viaServlet.assertEchoes("the servlet path");
        }
        assertEquals(servletBefore + 1, upgradesSeenByServlets(eio, "/engine.io/"), "the servlet path's upgrade");
        assertEquals(fastBefore, upgradesSeenByServlets(eio, "/socket.io/"), "upgrades the fast path answered");
    }

    static long upgradesSeenByServlets(Eio eio, String path) throws Exception {
        HttpResponse<String> r = Eio.HTTP.send(HttpRequest.newBuilder(eio.at("fixture/upgrade-requests?path=" + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body());
    }
}
