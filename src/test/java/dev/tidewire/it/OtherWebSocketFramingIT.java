package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

/**
 * The Node interop suite over the WebSocket framing that the server under test does not use by default
 * ({@code tidewire.webSocketFraming}), with per-message deflate at threshold 0 as in {@link NodeInteropIT}: on WildFly
 * Undertow's JSR-356 implementation ({@code container}; by default Tidewire frames there), on Payara Tidewire's own
 * framing over the Servlet HTTP upgrade ({@code tidewire}; by default Tyrus frames there). With {@link NodeInteropIT},
 * both framings pass the whole suite on both servers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtherWebSocketFramingIT {
    static String otherFraming() {
        return "payara".equals(System.getProperty("tidewire.it.server")) ? "tidewire" : "container";
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.webSocketFraming", otherFraming(),
                "tidewire.perMessageDeflate", "true", "tidewire.perMessageDeflateThreshold", "0"));
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuite() throws Exception {
        NodeSuite.run(base, Map.of("TIDEWIRE_EXPECT_DEFLATE", "true"), "node-interop-" + otherFraming() + "-framing");
    }
}
