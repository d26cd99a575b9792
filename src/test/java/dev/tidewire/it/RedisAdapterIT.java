package dev.tidewire.it;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisServer;
import dev.tidewire.server.NodeRedisNode;
import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis adapter inside the application server (Lettuce and its threads in the container): the deployment
 * (tidewire.adapter=redis) and a Node.js node of the reference (socket.io with {@code @socket.io/redis-adapter},
 * src/test/node/cluster/redis-node.mjs) share a real Redis, started for this class, and behave as one server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedisAdapterIT extends WithJavaClients {
    private static RedisServer redis;
    private static NodeRedisNode node;

    @Deployment(testable = false)
    static WebArchive deployment() {
        if (redis == null) redis = RedisServer.start();
        return Deployments.conformanceWar(Map.of("tidewire.adapter", "redis", "tidewire.redis.uri", redis.uri()));
    }

    private static NodeRedisNode node() {
        if (node == null) node = NodeRedisNode.start(redis.uri());
        return node;
    }

    @AfterAll
    static void stopRedisAndNode() {
        if (node != null) node.close();
        if (redis != null) redis.close();
    }

    @Test
    void theReferenceNodeCountsTheApplicationServerAndFindsItsSockets() throws Exception {
        Socket java = clients.socket("/", JavaClients.WEBSOCKET, Map.of());
        connect(java);
        assertEquals(2L, node().call("serverCount"));
        Eventually.until("the application server's socket in the Node node's fetchSockets", () ->
                ((List<?>) node().call("fetchSockets")).stream()
                        .anyMatch(s -> java.id().equals(((Map<?, ?>) s).get("id"))));
    }

    @Test
    void broadcastsAndTheEmitterOfTheReferenceReachAClientOfTheApplicationServer() throws Exception {
        Socket java = clients.socket("/", JavaClients.WEBSOCKET, Map.of());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        java.on("hi", args -> received.add("hi:" + args[0]));
        java.on("news", args -> received.add("news:" + args[0]));
        java.on("direct", args -> received.add("direct:" + args[0]));
        connect(java);
        node().call("emit", "event", "hi", "args", List.of("from node"));
        assertEquals("hi:from node", received.poll(10, TimeUnit.SECONDS));
        node().call("emitterEmit", "event", "news", "args", List.of("from the emitter"));
        assertEquals("news:from the emitter", received.poll(10, TimeUnit.SECONDS));
        node().call("remoteEmit", "socketId", java.id(), "event", "direct", "args", List.of("to you"));
        assertEquals("direct:to you", received.poll(10, TimeUnit.SECONDS));
        assertTrue(received.isEmpty());
    }

    private static void connect(Socket s) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        s.connect();
        connected.get(10, TimeUnit.SECONDS);
    }
}
