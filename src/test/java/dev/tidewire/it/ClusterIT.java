package dev.tidewire.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the conformance fixture with the Redis adapter behind nginx, started by server-config/cluster.sh on
 * the server of this failsafe execution, and the official socket.io-client across them (src/test/node/cluster). Not
 * an Arquillian test: the script deploys the nodes as a user would. The failure suite runs last: it kills a node and
 * restarts Redis through the same script.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final File ROOT = new File(System.getProperty("project.basedir", "."));
    /** Away from a Redis the machine may run as a service. */
    private static final String REDIS_PORT = "6390";
    private static final URL BALANCER = url("http://127.0.0.1:3000/");

    @BeforeAll
    static void startCluster() throws Exception {
        cluster("start");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop");
    }

    /** What cluster.sh needs, for this class and for the suites that call it. */
    private static Map<String, String> clusterEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER", System.getProperty("tidewire.it.server", "wildfly"));
        env.put("ADAPTER", "redis");
        env.put("FIXTURE", "conformance");
        env.put("REDIS_PORT", REDIS_PORT);
        env.put("CLUSTER_SCRIPT", new File(ROOT, "server-config/cluster.sh").getAbsolutePath());
        return env;
    }

    private static void cluster(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "server-config/cluster.sh", command)
                .directory(ROOT).inheritIO();
        pb.environment().putAll(clusterEnvironment());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "cluster.sh " + command + " did not finish");
        assertEquals(0, p.exitValue(), "cluster.sh " + command + " failed");
    }

    @Test
    @Order(1)
    void theNamespaceOperationsReachTheSocketsOfBothNodes() throws Exception {
        NodeSuite.run(BALANCER, clusterEnvironment(), "cluster-operations", "cluster/across-nodes.mjs");
    }

    @Test
    @Order(2)
    void twoNodesBehindTheBalancerActAsOneServer() throws Exception {
        NodeSuite.run(BALANCER, clusterEnvironment(), "cluster-balancer", "cluster/through-nginx.mjs");
    }

    @Test
    @Order(3)
    void aKilledNodeAndARestartedRedisLoseNoClient() throws Exception {
        NodeSuite.run(BALANCER, clusterEnvironment(), "cluster-failures", "cluster/failures.mjs");
    }

    private static URL url(String spec) {
        try {
            return URI.create(spec).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
