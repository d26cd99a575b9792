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
 * {@code io.engine()} in the container: the headers of the polling answers and of each WebSocket's 101, session ids
 * from {@code generateId}, the {@code initialPacket}, and {@code onConnectionError}, seen by the official
 * engine.io-client and socket.io-client, {@code ws} and plain HTTP (src/test/node/engine-hooks/engine-hooks.mjs) against
 * the conformance fixture with its engine hooks on ({@code EngineHooksFixture}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EngineHooksIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.fixture.engineHooks", "true"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theEngineHooksShapeWhatClientsSee() throws Exception {
        NodeSuite.run(base, "engine-hooks", "engine-hooks/engine-hooks.mjs");
    }
}
