package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What a mixed cluster does with any Redis adapter, on one real Redis: a Tidewire node (with a fake WebSocket client
 * in room {@code java-room}) and a Node node running the reference's socket.io 4.8 with the matching reference
 * adapter (with a socket.io-client of its own, in room {@code node-room}, with {@code data.nick = "nina"}). Each
 * side's requests reach the other side and are answered; each subclass names its adapter and adds what is its own.
 */
abstract class MixedRedisClusterContract {
    protected RedisServer redis;
    protected SioTestServer java;
    protected NodeRedisNode node;
    protected SioTestServer.Peer peer;
    protected Socket javaSocket;

    /** The Tidewire node, with the adapter under test on the Redis at {@code redisUri}. */
    protected abstract SioTestServer javaNode(String redisUri);

    /** The Node node, with the matching reference adapter. */
    protected abstract NodeRedisNode nodeNode(String redisUri);

    /** Connects {@link #peer} to the default namespace; the socket's id. */
    protected String connectPeer() {
        return peer.connectTo("/");
    }

    @BeforeEach
    void start() {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeRedisNode.suiteDirectory(); // a clear failure when npm ci has not run
        redis = RedisServer.start();
        java = javaNode(redis.uri());
        peer = java.connect();
        javaSocket = java.io.sockets().sockets().get(connectPeer());
        javaSocket.join("java-room");
        node = nodeNode(redis.uri());
        ClusterAwait.awaitServerCount(2, java);
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
        if (java != null) java.io.close();
        if (redis != null) redis.close();
    }

    @Test
    void bothSidesCountTwoNodes() throws Exception {
        assertEquals(2, java.io.serverCount().toCompletableFuture().get(5, SECONDS));
        assertEquals(2L, node.call("serverCount"));
    }

    @Test
    void fetchSocketsFromJavaFindsTheNodeSocket() throws Exception {
        List<RemoteSocket> all = java.io.fetchSockets().toCompletableFuture().get(5, SECONDS);
        assertEquals(2, all.size(), all.toString());
        RemoteSocket remote = all.stream().filter(s -> !s.isLocal()).findFirst().orElseThrow();
        assertEquals(node.clientId(), remote.id());
        assertEquals(Set.of(node.clientId(), "node-room"), remote.rooms());
        assertEquals(Map.of("nick", "nina"), remote.data());
        assertEquals("127.0.0.1", remote.handshake().address());
        assertEquals("websocket", remote.handshake().queryParam("transport"));
        remote.join("joined-from-java");
        Eventually.until("the Node socket in the room", () -> !((List<?>) node.call("fetchSockets", "room",
                "joined-from-java")).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fetchSocketsFromNodeFindsTheJavaSocket() {
        javaSocket.data().put("nick", "jo");
        List<Map<String, Object>> all = (List<Map<String, Object>>) node.call("fetchSockets");
        Map<String, Object> remote = all.stream().filter(s -> javaSocket.id().equals(s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("the Java socket is not among " + all));
        assertEquals(Set.of(javaSocket.id(), "java-room"), Set.copyOf((List<Object>) remote.get("rooms")));
        assertEquals(Map.of("nick", "jo"), remote.get("data"));
        assertEquals("127.0.0.1", remote.get("address"));
    }

    @Test
    void aBroadcastWithAcksFromJavaCollectsTheNodeClientsAnswer() throws Exception {
        CompletableFuture<List<Object>> answers = java.io.timeout(5000).emitWithAck("question").toCompletableFuture();
        String frame = peer.lastText();
        peer.send("43" + frame.substring(2, frame.indexOf('[')) + "[\"from java client\"]");
        assertEquals(Set.of("from java client", "from node client"), Set.copyOf(answers.get(10, SECONDS)));
    }

    @Test
    void aBroadcastWithAcksFromNodeCollectsTheJavaClientsAnswer() throws Exception {
        int mark = peer.mark();
        CompletableFuture<Object> answers = node.callAsync("emitWithAck", "event", "question", "args", List.of(3));
        Eventually.until("the question on the Java client", () -> !peer.textsSince(mark).isEmpty());
        String frame = peer.textsSince(mark).get(0);
        assertTrue(frame.endsWith("[\"question\",3]"), "no offset with an ack: " + frame);
        peer.send("43" + frame.substring(2, frame.indexOf('[')) + "[\"from java client\"]");
        assertEquals(Set.of("from java client", "from node client"),
                Set.copyOf((List<?>) answers.get(10, SECONDS)));
    }

    @Test
    void serverSideEmitsWithAcksGoBothWays() throws Exception {
        List<List<Object>> heard = Collections.synchronizedList(new ArrayList<>());
        java.io.onServerSideEmit("ping", (args, ack) -> {
            heard.add(args);
            ack.send("pong from java");
        });
        assertEquals(List.of("pong from java"), node.call("serverSideEmitWithAck", "event", "ping", "args", List.of(1)));
        assertEquals(List.of(List.of(1L)), heard);

        assertEquals(List.of("pong from node"),
                java.io.serverSideEmitWithAck(5000, "ping", 2).toCompletableFuture().get(10, SECONDS));
        Eventually.until("the Node handler's report", () -> !node.events("server-side-event").isEmpty());
        assertEquals(List.of(2L), node.events("server-side-event").get(0).get("args"));
    }
}
