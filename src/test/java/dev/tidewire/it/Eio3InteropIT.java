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
 * The official Socket.IO v2 client (socket.io-client 2.x, Engine.IO v3) against a deployment with
 * {@code tidewire.allowEIO3=true} (src/test/node/eio3/v2-clients.mjs): every transport setting, events, acks and
 * binary both ways, rooms shared with v4 clients, namespaces, middleware refusals, the v3 heartbeat, and the binary
 * polling response's Content-Type. That v2 clients are refused with the option off is in the default Node suite
 * ({@link NodeInteropIT}, sio-v2-refused.test.mjs).
 * <p>
 * The heartbeat is 1 s + 2 s rather than the fixture's 300 + 200 ms: a v2 client pings the server, and over polling its
 * ping waits behind its POST in flight; with a 400 kB POST on a loaded machine (Payara Micro), the fixture's 500 ms
 * deadline passed once and the session closed with "ping timeout", as the reference server's would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Eio3InteropIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.allowEIO3", "true",
                "tidewire.pingInterval", "1000", "tidewire.pingTimeout", "2000"));
    }

    @ArquillianResource
    URL base;

    @Test
    void socketIoV2ClientsPassTheV2Suite() throws Exception {
        NodeSuite.run(base, "eio3-interop", "eio3/v2-clients.mjs");
    }
}
