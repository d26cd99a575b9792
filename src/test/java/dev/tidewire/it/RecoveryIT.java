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
 * Connection state recovery with socket.io-client's own recovery, over WebSocket, polling and upgrade
 * (src/test/node/recovery/connection-state-recovery.mjs), on a deployment with recovery on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.recovery.maxDisconnectionDuration", "60000"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theOfficialClientRecoversItsSocket() throws Exception {
        NodeSuite.run(base, "recovery", "recovery/connection-state-recovery.mjs");
    }
}
