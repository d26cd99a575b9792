package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * ITs on the conformance fixture's echo engine in which bad or stalled requests must not disturb anyone else: a
 * WebSocket session opened before each test must still echo after it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class EchoWitnessed {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    Eio eio;
    private WsClient witness;

    @BeforeEach
    void openWitness() {
        eio = new Eio(base);
        witness = WsClient.openSession(eio);
    }

    @AfterEach
    void witnessStillEchoes() {
        try (WsClient w = witness) {
            w.assertEchoes("witness still served");
        }
    }
}
