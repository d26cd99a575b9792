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
 * Runs the Node interop suite (src/test/node, official npm clients) against the WAR on the server under test (WildFly
 * or Payara Micro). The suite's own report is printed; the test fails when any Node test fails. On WildFly the
 * WebSocket upgrades take the Undertow fast path (the default there); {@link ServletUpgradeOnWildFlyIT} runs the suite
 * over the Servlet upgrade.
 * <p>
 * The deployment has per-message deflate on with a threshold of 0, so every WebSocket frame the server sends to a
 * client that offers the extension (socket.io-client and {@code ws} on Node do by default) is compressed, and the whole
 * suite runs over compressed frames; {@code sio-deflate.test.mjs} checks that it was negotiated. The other suites run
 * without the extension.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeInteropIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.perMessageDeflate", "true",
                "tidewire.perMessageDeflateThreshold", "0"));
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuite() throws Exception {
        NodeSuite.run(base, Map.of("TIDEWIRE_EXPECT_DEFLATE", "true"), "node-interop");
    }
}
