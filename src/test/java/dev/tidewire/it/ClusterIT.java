package dev.tidewire.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the conformance fixture with the Redis adapter behind nginx, started by server-config/cluster.sh on
 * the server of this failsafe execution, and the official socket.io-client across them
 * (src/test/node/cluster/through-nginx.mjs). Not an Arquillian test: the script deploys the nodes as a user would.
 */
class ClusterIT {
    private static final File ROOT = new File(System.getProperty("project.basedir", "."));
    /** Away from a Redis the machine may run as a service. */
    private static final String REDIS_PORT = "6390";

    @BeforeAll
    static void startCluster() throws Exception {
        cluster("start");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster("stop");
    }

    private static void cluster(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "server-config/cluster.sh", command)
                .directory(ROOT).inheritIO();
        pb.environment().put("SERVER", System.getProperty("tidewire.it.server", "wildfly"));
        pb.environment().put("ADAPTER", "redis");
        pb.environment().put("FIXTURE", "conformance");
        pb.environment().put("REDIS_PORT", REDIS_PORT);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "cluster.sh " + command + " did not finish");
        assertEquals(0, p.exitValue(), "cluster.sh " + command + " failed");
    }

    @Test
    void twoNodesBehindTheBalancerActAsOneServer() throws Exception {
        NodeSuite.run(URI.create("http://127.0.0.1:3000/").toURL(), "cluster", "cluster/through-nginx.mjs");
    }
}
