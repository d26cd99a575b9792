package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URL;
import java.util.Map;

/**
 * The Node interop suite on WildFly with {@code tidewire.webSocketFraming=container}: Undertow's JSR-356
 * implementation frames the WebSocket transport (with Undertow's per-message deflate, threshold 0), where by default
 * Tidewire frames it itself ({@link NodeInteropIT}). Payara has one framing only (Tyrus's), which every Payara IT runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class ContainerFramingOnWildFlyIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.webSocketFraming", "container",
                "tidewire.perMessageDeflate", "true", "tidewire.perMessageDeflateThreshold", "0"));
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuiteOverUndertowsFraming() throws Exception {
        NodeSuite.run(base, Map.of("TIDEWIRE_EXPECT_DEFLATE", "true"), "node-interop-container-framing");
    }
}
