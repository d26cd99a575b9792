package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * The official Socket.IO v2 client's browser bundle in headless Chromium with {@code forceJSONP}
 * (src/test/node/eio3/v2-jsonp.e2e.mjs), on a deployment with {@code tidewire.allowEIO3=true}. Its heartbeat is 1 s + 2
 * s ({@link Deployments#eio3War()} says why).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Eio3JsonpBrowserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.eio3War();
    }

    @ArquillianResource
    URL base;

    @Test
    void socketIoV2ClientInChromiumOverJsonp() throws Exception {
        NodeSuite.run(base, "eio3-jsonp-browser", "eio3/v2-jsonp.e2e.mjs");
    }
}
