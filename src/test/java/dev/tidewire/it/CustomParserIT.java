package dev.tidewire.it;

import dev.tidewire.fixture.JsonEnvelopeParser;
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
 * socket.io-client built with a parser of the application's own (src/test/node/custom-parser/json-envelope.mjs)
 * against the conformance fixture deployed with {@code tidewire.parser} naming the same format in Java
 * ({@link JsonEnvelopeParser}, loaded from the deployment), over WebSocket, polling and upgrade.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomParserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.parser", JsonEnvelopeParser.class.getName()));
    }

    @ArquillianResource
    URL base;

    @Test
    void theOfficialClientSpeaksAFormatOfTheApplicationsOwn() throws Exception {
        NodeSuite.run(base, "custom-parser", "custom-parser/custom-parser.mjs");
    }
}
