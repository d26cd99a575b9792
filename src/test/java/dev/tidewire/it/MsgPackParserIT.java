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
 * socket.io-client built with socket.io-msgpack-parser (src/test/node/msgpack/msgpack-parser.mjs) against the
 * conformance fixture deployed with {@code tidewire.parser=msgpack}, over WebSocket, polling and upgrade.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MsgPackParserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.parser", "msgpack"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theOfficialClientSpeaksMessagePack() throws Exception {
        NodeSuite.run(base, "msgpack-parser", "msgpack/msgpack-parser.mjs");
    }
}
