package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

/**
 * Compression with the official clients and raw frames (src/test/node/compression/compression.mjs), on a deployment
 * with {@code tidewire.perMessageDeflate=true}: the negotiated {@code Sec-WebSocket-Extensions}, events, acks and
 * binary through compressed frames, the threshold on the wire, polling answers in gzip or deflate by the
 * {@code Accept-Encoding} q-values, and {@code compress(false)}. The reference's heartbeat, so that no ping joins a poll
 * a test reads. On Payara Micro, whose WebSocket implementation offers no permessage-deflate, the suite checks that
 * none is negotiated.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompressionIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> options = new HashMap<>(Deployments.REFERENCE_HEARTBEAT);
        options.put("tidewire.perMessageDeflate", "true");
        return Deployments.conformanceWar(options);
    }

    @ArquillianResource
    URL base;

    @Test
    void compressionWorksWithTheOfficialClients() throws Exception {
        // where the container offers no permessage-deflate (Payara Micro: Tyrus without its deflate extension) the
        // option is a no-op: the suite then checks that nothing is negotiated and that all still works uncompressed
        String deflate = "payara".equals(System.getProperty("tidewire.it.server", "wildfly")) ? "absent" : "negotiated";
        NodeSuite.run(base, Map.of("TIDEWIRE_WS_DEFLATE", deflate), "compression", "compression/compression.mjs");
    }
}
