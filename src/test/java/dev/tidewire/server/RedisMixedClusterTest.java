package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisAdapterFactory;
import dev.tidewire.internal.redis.RedisAdapterOptions;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A mixed cluster on one real Redis: a Tidewire node (with a fake WebSocket client) and a Node node running the
 * reference's socket.io 4.8 with {@code @socket.io/redis-adapter} 8.3.0 (with a socket.io-client of its own). Each
 * side's operations reach the other side's client, which proves the wire format both ways, including the reference's
 * {@code @socket.io/redis-emitter}. The Node client is in room {@code node-room} and has {@code data.nick = "nina"}.
 */
class RedisMixedClusterTest {
    private RedisServer redis;
    private SioTestServer java;
    private NodeRedisNode node;
    private SioTestServer.Peer peer;
    private Socket javaSocket;

    @BeforeEach
    void start() {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeRedisNode.suiteDirectory(); // a clear failure when npm ci has not run
        redis = RedisServer.start();
        java = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(
                new RedisAdapterFactory(RedisAdapterOptions.defaults().withUri(redis.uri()))));
        peer = java.connect();
        javaSocket = java.io.sockets().sockets().get(peer.connectTo("/"));
        javaSocket.join("java-room");
        node = NodeRedisNode.start(redis.uri());
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
    void aRoomBroadcastFromJavaReachesTheNodeClient() {
        int mark = peer.mark();
        java.io.to("node-room").emit("hello", 1, Map.of("k", "v"), new byte[]{1, 2, 3});
        Eventually.until("the Node client's event", () -> !node.clientEvents("hello").isEmpty());
        List<Object> args = node.clientEvents("hello").get(0);
        assertEquals(List.of(1L, Map.of("k", "v")), args.subList(0, 2));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) args.get(2), "binary stays binary");
        peer.assertNothingSince(mark);
    }

    @Test
    void aRoomBroadcastFromNodeReachesTheJavaClient() {
        int mark = peer.mark();
        node.call("emit", "room", "java-room", "event", "hi", "args", List.of(2, NodeRedisNode.binary(new byte[]{4, 5})));
        Eventually.until("the Java client's frames", () -> peer.framesSince(mark).size() == 2);
        List<Object> frames = peer.framesSince(mark);
        assertEquals("451-[\"hi\",2,{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertArrayEquals(new byte[]{4, 5}, (byte[]) frames.get(1));
        assertTrue(node.clientEvents("hi").isEmpty(), "the Node client is not in java-room");
    }

    @Test
    void theReferenceEmittersMessagesReachTheJavaClient() {
        int mark = peer.mark();
        node.call("emitterEmit", "room", "java-room", "event", "news", "args", List.of("from the emitter"));
        Eventually.until("the Java client's frame", () -> !peer.textsSince(mark).isEmpty());
        assertEquals(List.of("42[\"news\",\"from the emitter\"]"), peer.textsSince(mark));
    }

    @Test
    void fetchSocketsFromJavaFindsTheNodeSocketAndActsOnIt() throws Exception {
        List<RemoteSocket> all = java.io.fetchSockets().toCompletableFuture().get(5, SECONDS);
        assertEquals(2, all.size(), all.toString());
        RemoteSocket remote = all.stream().filter(s -> !s.isLocal()).findFirst().orElseThrow();
        assertEquals(node.clientId(), remote.id());
        assertEquals(Set.of(node.clientId(), "node-room"), remote.rooms());
        assertEquals(Map.of("nick", "nina"), remote.data());
        assertEquals("127.0.0.1", remote.handshake().address());
        assertEquals("websocket", remote.handshake().queryParam("transport"));

        remote.emit("direct", "to nina");
        Eventually.until("the Node client's event", () -> !node.clientEvents("direct").isEmpty());
        assertEquals(List.of("to nina"), node.clientEvents("direct").get(0));
        remote.join("joined-from-java");
        Eventually.until("the Node socket in the room", () -> !((List<?>) node.call("fetchSockets", "room",
                "joined-from-java")).isEmpty());
        java.io.in(node.clientId()).socketsLeave("joined-from-java");
        Eventually.until("the Node socket out of the room", () -> ((List<?>) node.call("fetchSockets", "room",
                "joined-from-java")).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fetchSocketsFromNodeFindsTheJavaSocketAndActsOnIt() {
        javaSocket.data().put("nick", "jo");
        List<Map<String, Object>> all = (List<Map<String, Object>>) node.call("fetchSockets");
        Map<String, Object> remote = all.stream().filter(s -> javaSocket.id().equals(s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("the Java socket is not among " + all));
        assertEquals(Set.of(javaSocket.id(), "java-room"), Set.copyOf((List<Object>) remote.get("rooms")));
        assertEquals(Map.of("nick", "jo"), remote.get("data"));
        assertEquals("127.0.0.1", remote.get("address"));

        node.call("remoteJoin", "socketId", javaSocket.id(), "room", "from-node");
        Eventually.until("the Java socket in the room", () -> javaSocket.rooms().contains("from-node"));
        int mark = peer.mark();
        node.call("remoteEmit", "socketId", javaSocket.id(), "event", "direct", "args", List.of("to jo"));
        Eventually.until("the Java client's frame", () -> !peer.textsSince(mark).isEmpty());
        assertEquals(List.of("42[\"direct\",\"to jo\"]"), peer.textsSince(mark));
        assertTrue(((List<?>) node.call("allRooms")).containsAll(List.of("java-room", "from-node", "node-room")),
                "the Java node answers the reference's allRooms");
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
        assertTrue(frame.endsWith("[\"question\",3]"), frame);
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

    @Test
    void disconnectSocketsGoesBothWays() {
        java.io.in("node-room").disconnectSockets(false);
        Eventually.until("the Node socket gone", () -> ((List<?>) node.call("fetchSockets", "room", "node-room")).isEmpty());
        assertTrue(javaSocket.connected());
        int mark = peer.mark();
        node.call("disconnectSockets", "room", "java-room");
        Eventually.until("the Java socket disconnected", () -> !javaSocket.connected());
        assertEquals(List.of("41"), peer.textsSince(mark));
    }

    @Test
    void aLocalBroadcastOfJavaDoesNotReachNode() {
        java.io.local().emit("here only");
        java.io.to("node-room").emit("marker");
        Eventually.until("the marker", () -> !node.clientEvents("marker").isEmpty());
        assertFalse(node.events("client-event").stream().anyMatch(e -> "here only".equals(e.get("event"))));
    }
}
