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
 * The Node interop suite with {@code tidewire.webSocketFraming=container}: the container's JSR-356 implementation
 * (Undertow on WildFly, Tyrus on Payara) frames the WebSocket transport, with its own per-message deflate at threshold
 * 0, where by default Tidewire frames it itself ({@link NodeInteropIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerFramingIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.webSocketFraming", "container",
                "tidewire.perMessageDeflate", "true", "tidewire.perMessageDeflateThreshold", "0"));
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuiteOverTheContainersFraming() throws Exception {
        NodeSuite.run(base, Map.of("TIDEWIRE_EXPECT_DEFLATE", "true"), "node-interop-container-framing");
    }
}
