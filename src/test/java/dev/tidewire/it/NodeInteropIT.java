package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Node interop suite (src/test/node, official npm clients) against the WAR on the server under test (WildFly or Payara Micro). The suite's
 * own report is printed; the test fails when any Node test fails.
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
        File dir = new File(System.getProperty("project.basedir", "."), "src/test/node");
        Path report = Files.createTempFile("node-interop", ".txt");
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec")
                .directory(dir)
                .redirectErrorStream(true)
                .redirectOutput(report.toFile());
        pb.environment().put("TIDEWIRE_URL", Deployments.loopback(base).toString());
        Process node = pb.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(report);
        System.out.println(output);
        assertTrue(finished, "node suite did not finish in 10 minutes");
        assertEquals(0, node.exitValue(), "node interop suite failed; see the report above");
    }
}
