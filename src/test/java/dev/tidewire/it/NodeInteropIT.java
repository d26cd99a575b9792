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
 * Runs the Node interop suite (src/test/node, official npm clients) against the WAR on the server under test (WildFly
 * or Payara Micro). The suite's own report is printed; the test fails when any Node test fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeInteropIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuite() throws Exception {
        NodeSuite.run(base, "node-interop");
    }
}
