package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The official Socket.IO Admin UI, served by the WAR, in headless Chromium: src/test/node/browser/admin-ui.e2e.mjs
 * against the conformance fixture's namespaces (admin namespace on, auth off, the UI's page at /admin-ui/).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminUiBrowserIT {
    /**
     * The conformance fixture's namespaces with the admin namespace and page, on the reference's default heartbeat:
     * the fixture's 300/200 ms one lost the page's or the client's connection while Chromium started on this
     * 2-core machine.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive archive = Deployments.fixtureWar();
        archive.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>tidewire.fixture</param-name><param-value>conformance</param-value></context-param>
                  <context-param><param-name>tidewire.admin.enabled</param-name><param-value>true</param-value></context-param>
                  <context-param><param-name>tidewire.admin.uiPath</param-name><param-value>/admin-ui</param-value></context-param>
                </web-app>
                """));
        return archive;
    }

    @ArquillianResource
    URL base;

    @Test
    void theServedAdminUiShowsALiveServer() throws Exception {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeSuite.run(base, "admin-ui-browser", "browser/admin-ui.e2e.mjs");
    }
}
