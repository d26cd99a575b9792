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
 * Runs the chat demo's browser end-to-end suite (src/test/node/browser/chat.e2e.mjs: headless Chromium driven by
 * playwright-core) against the WAR on the server under test. The deployment is the shipped WAR with the fixture mode on, for its
 * server-side connection-drop hook, but with the default heartbeat: the conformance fixture's 300/200 ms one is too
 * tight for several browsers on a loaded machine. News is pushed every 400 ms to keep the suite short.
 * Screenshots land in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatBrowserIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive archive = Deployments.fixtureWar();
        archive.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>tidewire.fixture</param-name><param-value>conformance</param-value></context-param>
                  <context-param><param-name>tidewire.demo.newsInterval</param-name><param-value>400</param-value></context-param>
                </web-app>
                """));
        return archive;
    }

    @ArquillianResource
    URL base;

    @Test
    void chatDemoPassesTheBrowserSuite() throws Exception {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeSuite.run(base, "chat-browser", "browser/chat.e2e.mjs");
    }
}
