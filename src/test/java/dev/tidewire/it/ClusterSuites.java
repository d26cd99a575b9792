package dev.tidewire.it;

import dev.tidewire.server.NodeRedisNode;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the conformance fixture with a Redis adapter behind nginx, started by server-config/cluster.sh on the
 * server of this failsafe execution (as a user would: not through Arquillian), and the official socket.io-client
 * suites of src/test/node/cluster run against them. A suite that kills a node or restarts Redis goes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterSuites {
    private static final File ROOT = new File(System.getProperty("project.basedir", "."));
    /** Away from a Redis the machine may run as a service. */
    private static final String REDIS_PORT = "6390";
    private static final URL BALANCER = url("http://127.0.0.1:3000/");

    /** {@code ADAPTER} of cluster.sh. */
    abstract String adapter();

    /** The Node.js node of the reference for this adapter (src/test/node/cluster), run by {@link NodeRedisNode}. */
    abstract String referenceNodeScript();

    /** {@code TIDEWIRE_OPTS} of cluster.sh: options of both nodes. */
    String nodeOptions() {
        return "";
    }

    @BeforeAll
    void startCluster() throws Exception {
        cluster("start");
    }

    @AfterAll
    void stopCluster() throws Exception {
        cluster("stop");
    }

    /**
     * A Node.js node of the reference joins the two application-server nodes on their Redis: three nodes count each
     * other, the Node node's broadcast and its broadcast with acks reach a Java client of each application server,
     * its fetchSockets finds them, and its server-side emit with acks is answered by both application servers.
     */
    @Test
    @Order(2)
    void aNodeJsNodeOfTheReferenceJoinsTheCluster() throws Exception {
        JavaClients onFirst = new JavaClients(url("http://127.0.0.1:3001/"));
        JavaClients onSecond = new JavaClients(url("http://127.0.0.1:3002/"));
        try (NodeRedisNode node = NodeRedisNode.start(referenceNodeScript(), "redis://127.0.0.1:" + REDIS_PORT)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            List<Socket> java = List.of(onFirst.socket("/", JavaClients.WEBSOCKET, Map.of()),
                    onSecond.socket("/", JavaClients.WEBSOCKET, Map.of()));
            for (int i = 0; i < java.size(); i++) {
                String name = "java" + (i + 1);
                java.get(i).on("hi", args -> received.add(name + ":" + args[0]));
                java.get(i).on("question", args -> ((Ack) args[args.length - 1]).call(name));
                connect(java.get(i));
            }
            assertEquals(3L, node.call("serverCount"));
            Set<Object> found = new HashSet<>();
            for (Object s : (List<?>) node.call("fetchSockets")) found.add(((Map<?, ?>) s).get("id"));
            assertTrue(found.containsAll(List.of(java.get(0).id(), java.get(1).id())), "fetchSockets: " + found);

            node.call("emit", "event", "hi", "args", List.of("from node"));
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 2; i++) got.add(received.poll(10, TimeUnit.SECONDS));
            assertEquals(Set.of("java1:from node", "java2:from node"), got);

            List<?> answers = (List<?>) node.call("emitWithAck", "event", "question", "timeout", 5000);
            assertTrue(answers.containsAll(List.of("java1", "java2")), "acks: " + answers);
            assertEquals(List.of("pong", "pong"), node.call("serverSideEmitWithAck", "event", "ping"));
        } finally {
            onFirst.closeAll();
            onSecond.closeAll();
        }
    }

    private static void connect(Socket s) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        s.connect();
        connected.get(10, TimeUnit.SECONDS);
    }

    /** Runs suites of src/test/node/cluster, which may call cluster.sh themselves with the same settings. */
    void run(String name, String... files) throws Exception {
        NodeSuite.run(BALANCER, clusterEnvironment(), name, files);
    }

    private Map<String, String> clusterEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER", System.getProperty("tidewire.it.server", "wildfly"));
        env.put("ADAPTER", adapter());
        env.put("FIXTURE", "conformance");
        env.put("REDIS_PORT", REDIS_PORT);
        env.put("TIDEWIRE_OPTS", nodeOptions());
        env.put("EXTRA_JVM_OPTS", "-XX:TieredStopAtLevel=1"); // the nodes start (and restart) sooner on two cores
        env.put("CLUSTER_SCRIPT", new File(ROOT, "server-config/cluster.sh").getAbsolutePath());
        return env;
    }

    private void cluster(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "server-config/cluster.sh", command)
                .directory(ROOT).inheritIO();
        pb.environment().putAll(clusterEnvironment());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "cluster.sh " + command + " did not finish");
        assertEquals(0, p.exitValue(), "cluster.sh " + command + " failed");
    }

    private static URL url(String spec) {
        try {
            return URI.create(spec).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
