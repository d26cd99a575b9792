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
 * The official Socket.IO v2 client's browser bundle in headless Chromium with {@code forceJSONP}
 * (src/test/node/eio3/v2-jsonp.e2e.mjs), on a deployment with {@code tidewire.allowEIO3=true}. Its heartbeat is 1 s + 2
 * s rather than the fixture's 300 + 200 ms: a JSONP client's ping is a form POST through an iframe, and in headless
 * Chromium its first one reached the server about as late as the fixture's deadline (the reference server, too, waits
 * pingInterval + pingTimeout for a v3 client's ping).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Eio3JsonpBrowserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.allowEIO3", "true",
                "tidewire.pingInterval", "1000", "tidewire.pingTimeout", "2000"));
    }

    @ArquillianResource
    URL base;

    @Test
    void socketIoV2ClientInChromiumOverJsonp() throws Exception {
        NodeSuite.run(base, "eio3-jsonp-browser", "eio3/v2-jsonp.e2e.mjs");
    }
}
