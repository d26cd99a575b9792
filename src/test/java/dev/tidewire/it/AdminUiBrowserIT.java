package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The official Socket.IO Admin UI, served by the WAR, in headless Chromium: src/test/node/browser/admin-ui.e2e.mjs
 * against the conformance fixture (admin namespace on, auth off, the UI's page at /admin-ui/).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminUiBrowserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void theServedAdminUiShowsALiveServer() throws Exception {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeSuite.run(base, "admin-ui-browser", "browser/admin-ui.e2e.mjs");
    }
}
