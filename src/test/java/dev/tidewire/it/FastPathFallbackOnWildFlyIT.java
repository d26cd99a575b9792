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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Undertow fast path (on by default), in a deployment whose filter covers every path: the upgrades must go through
 * the servlet (and so through the filter), not the fast path, which would skip it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class FastPathFallbackOnWildFlyIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of(),
                "  <filter><filter-name>everything</filter-name>"
                        + "<filter-class>dev.tidewire.fixture.PassThroughFilter</filter-class></filter>\n"
                        + "  <filter-mapping><filter-name>everything</filter-name><url-pattern>/*</url-pattern>"
                        + "</filter-mapping>\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void aFilterOverTheEnginePathKeepsItsUpgradesOnTheServletPath() throws Exception {
        Eio eio = new Eio(base);
        long before = UndertowFastPathOnWildFlyIT.upgradesSeenByServlets(eio, "/socket.io/");
        URI socketIo = URI.create(eio.at("socket.io/?EIO=4&transport=websocket").toString().replaceFirst("^http", "ws"));
        try (WsClient ws = WsClient.connect(socketIo)) {
            String open = ws.nextText();
            assertTrue(open.startsWith("0{\"sid\":"), open);
        }
        assertEquals(before + 1, UndertowFastPathOnWildFlyIT.upgradesSeenByServlets(eio, "/socket.io/"),
                "upgrades that reached the servlets");
    }
}
