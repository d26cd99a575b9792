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
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Undertow fast path (on by default), in a deployment whose filter covers every path: the engine's requests must go
 * through the servlet (and so through the filter), not the fast path, which would skip it. And a filter that does not
 * support async requests, over an engine's path: its polling requests are refused with a plain 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class FastPathFallbackOnWildFlyIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of(),
                "  <filter><filter-name>everything</filter-name>"
                        + "<filter-class>dev.tidewire.fixture.PassThroughFilter</filter-class>"
                        + "<async-supported>true</async-supported></filter>\n"
                        + "  <filter-mapping><filter-name>everything</filter-name><url-pattern>/*</url-pattern>"
                        + "</filter-mapping>\n"
                        // a filter written for blocking requests only, over the Engine.IO echo's path
                        + "  <filter><filter-name>synchronous</filter-name>"
                        + "<filter-class>dev.tidewire.fixture.PassThroughFilter</filter-class></filter>\n"
                        + "  <filter-mapping><filter-name>synchronous</filter-name><url-pattern>/engine.io/*</url-pattern>"
                        + "</filter-mapping>\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void aFilterOverTheEnginePathKeepsItsRequestsOnTheServletPath() throws Exception {
        Eio eio = new Eio(base);
        long upgradesBefore = ServletsSeen.upgrades(eio, "/socket.io/");
        long pollingBefore = ServletsSeen.others(eio, "/socket.io/");
        ServletsSeen.openSocketIoWebSocket(eio);
        ServletsSeen.pollSocketIo(eio);
        assertEquals(upgradesBefore + 1, ServletsSeen.upgrades(eio, "/socket.io/"), "upgrades that reached the servlets");
        assertEquals(pollingBefore + 3, ServletsSeen.others(eio, "/socket.io/"), "polling requests that reached them");
    }

    @Test
    void aFilterWithoutAsyncSupportGetsPollingAPlain500() {
        HttpResponse<String> r = new Eio(base).get("EIO=4&transport=polling");
        assertEquals(500, r.statusCode(), r.body());
        assertFalse(r.body().contains("Exception"), "no stack trace reaches the client: " + r.body());
    }
}
