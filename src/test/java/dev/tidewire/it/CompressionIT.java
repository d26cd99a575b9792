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
 * a test reads. The same on WildFly (Undertow's deflate) and on Payara Micro (Tidewire's own for Tyrus).
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
        NodeSuite.run(base, "compression", "compression/compression.mjs");
    }
}
