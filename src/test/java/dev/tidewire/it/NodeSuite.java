package dev.tidewire.it;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs Node's test runner in src/test/node against a deployment ({@code TIDEWIRE_URL}), prints the suite's own
 * report, and fails when a Node test fails or the suite does not finish in 10 minutes.
 */
final class NodeSuite {
    private NodeSuite() {
    }

    /** @param files test files relative to src/test/node; none: every {@code *.test.mjs} there */
    static void run(URL base, String name, String... files) throws Exception {
        run(base, Map.of(), name, files);
    }

    /** @param env more environment variables for the suite */
    static void run(URL base, Map<String, String> env, String name, String... files) throws Exception {
        File dir = new File(System.getProperty("project.basedir", "."), "src/test/node");
        Path report = Files.createTempFile(name, ".txt");
        // two test files at a time: the suites mostly wait on the network and on heartbeats, and this halves
        // node-interop (31 s to 14 s on WildFly, 43 s to 24 s on Payara; 20 runs, no failure). The files share the
        // fixture's namespaces, so each one matches only the events its own test tagged, never a count of all
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=2",
                "--test-reporter=spec"));
        command.addAll(List.of(files));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir)
                .redirectErrorStream(true)
                .redirectOutput(report.toFile());
        pb.environment().put("TIDEWIRE_URL", Deployments.loopback(base).toString());
        pb.environment().putAll(env);
        Process node = pb.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(10, TimeUnit.MINUTES);
        if (!finished) node.destroyForcibly();
        System.out.println(Files.readString(report));
        assertTrue(finished, name + " did not finish in 10 minutes");
        assertEquals(0, node.exitValue(), name + " failed; see the report above");
    }
}
