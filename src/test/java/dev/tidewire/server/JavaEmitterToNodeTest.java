package dev.tidewire.server;

import dev.tidewire.emitter.RedisEmitter;
import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisProbe;
import dev.tidewire.internal.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The Java {@link RedisEmitter} against the reference: a Node node (socket.io 4.8 with {@code @socket.io/redis-adapter}
 * 8.3.0, its client in room {@code node-room}) receives what it sends; and for every operation, the bytes it
 * publishes, and the channel, are those that the reference's {@code @socket.io/redis-emitter} 5.1.0 publishes for the
 * same call (on targets that match no socket, so that nothing else happens).
 */
class JavaEmitterToNodeTest {
    private RedisServer redis;
    private NodeRedisNode node;
    private RedisEmitter emitter;

    @BeforeEach
    void start() {
        assumeFalse(Boolean.getBoolean("skipInterop"), "-DskipInterop: the Node suites are skipped");
        NodeRedisNode.suiteDirectory(); // a clear failure when npm ci has not run
        redis = RedisServer.start();
        node = NodeRedisNode.start(redis.uri());
        emitter = new RedisEmitter(redis.uri());
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            Eventually.until("the Node node subscribed", () -> probe.subscriberCount("socket.io-request#/#") == 1);
        }
    }

    @AfterEach
    void stop() {
        if (emitter != null) emitter.close();
        if (node != null) node.close();
        if (redis != null) redis.close();
    }

    @Test
    void aRoomEmitWithBinaryReachesTheNodeClient() throws Exception {
        done(emitter.to("node-room").emit("hello", 1, Map.of("k", "v"), new byte[]{1, 2, 3}));
        Eventually.until("the Node client's event", () -> !node.clientEvents("hello").isEmpty());
        List<Object> args = node.clientEvents("hello").get(0);
        assertEquals(List.of(1L, Map.of("k", "v")), args.subList(0, 2));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) args.get(2), "binary stays binary");
    }

    @Test
    void socketsJoinThenARoomEmitReachTheNodeClient() throws Exception {
        done(emitter.in("node-room").socketsJoin("from-java"));
        Eventually.until("the Node socket in from-java",
                () -> !((List<?>) node.call("fetchSockets", "room", "from-java")).isEmpty());
        done(emitter.to("from-java").emit("joined", "yes"));
        Eventually.until("the Node client's event", () -> !node.clientEvents("joined").isEmpty());
        assertEquals(List.of("yes"), node.clientEvents("joined").get(0));
        done(emitter.socketsLeave("from-java"));
        Eventually.until("the Node socket out of from-java",
                () -> ((List<?>) node.call("fetchSockets", "room", "from-java")).isEmpty());
    }

    @Test
    void disconnectSocketsDisconnectsTheNodeClient() throws Exception {
        assertEquals(true, node.call("clientConnected"));
        done(emitter.except("nobody").disconnectSockets(false));
        Eventually.until("the Node client disconnected", () -> Boolean.FALSE.equals(node.call("clientConnected")));
    }

    @Test
    void serverSideEmitReachesTheNodeServersHandler() throws Exception {
        done(emitter.serverSideEmit("ping", "from java", 2));
        Eventually.until("the Node server's handler", () -> !node.events("server-side-event").isEmpty());
        assertEquals(List.of("from java", 2L), node.events("server-side-event").get(0).get("args"));
    }

    // ---------------------------------------------------------------- byte for byte

    @Test
    void anEmitIsTheReferencesByteForByte() {
        List<Object> args = List.of(1, -300, 70000, 2.5, "two", true, Map.of("k", List.of("v")));
        sameAsReference(() -> emitter.emit("all", args.toArray()), "op", "emit", "event", "all", "args", args);
        sameAsReference(() -> emitter.to("nobody").emit("one room", "x"),
                "op", "emit", "rooms", List.of("nobody"), "event", "one room", "args", List.of("x"));
        sameAsReference(() -> emitter.to("nobody", "none").except("node-room").emit("rooms"),
                "op", "emit", "rooms", List.of("nobody", "none"), "except", List.of("node-room"), "event", "rooms");
        sameAsReference(() -> emitter.of("chat").to("nobody").asVolatile().compress(false).emit("flags", 1),
                "op", "emit", "nsp", "/chat", "rooms", List.of("nobody"), "volatile", true, "compress", false,
                "event", "flags", "args", List.of(1));
        sameAsReference(() -> emitter.to("nobody").emit("binary", (Object) new byte[]{0, 1, (byte) 255}),
                "op", "emit", "rooms", List.of("nobody"), "event", "binary",
                "args", List.of(NodeRedisNode.binary(new byte[]{0, 1, (byte) 255})));
    }

    @Test
    void theRequestsAreTheReferencesByteForByte() {
        sameAsReference(() -> emitter.to("nobody").except("none").socketsJoin("a", "b"),
                "op", "socketsJoin", "rooms", List.of("nobody"), "except", List.of("none"), "joined", List.of("a", "b"));
        sameAsReference(() -> emitter.to("nobody").socketsLeave("a"),
                "op", "socketsLeave", "rooms", List.of("nobody"), "joined", List.of("a"));
        sameAsReference(() -> emitter.to("nobody").disconnectSockets(true),
                "op", "disconnectSockets", "rooms", List.of("nobody"), "close", true);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", List.of(1.5, false));
        nested.put("a", null);
        sameAsReference(() -> emitter.of("/chat").serverSideEmit("unheard", 1, "x", nested),
                "op", "serverSideEmit", "nsp", "/chat", "event", "unheard", "args", List.of(1, "x", nested));
    }

    /** The reference's message for the command, then the Java one for the same call: same channel, same bytes. */
    private void sameAsReference(Supplier<CompletionStage<Void>> javaCall, Object... command) {
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            probe.psubscribe("socket.io#*", "socket.io-request#*");
            node.call("emitterOp", command);
            Eventually.until("the reference's message", () -> probe.heard().size() == 1);
            done(javaCall.get());
            Eventually.until("the Java message", () -> probe.heard().size() == 2);
            RedisProbe.Heard reference = probe.heard().get(0);
            RedisProbe.Heard java = probe.heard().get(1);
            assertEquals(reference.channel(), java.channel(), "the channel");
            assertEquals(HexFormat.of().formatHex(reference.message()), HexFormat.of().formatHex(java.message()),
                    "the message on " + reference.channel() + ", as text: " + reference.text() + " / " + java.text());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void done(CompletionStage<Void> published) throws Exception {
        published.toCompletableFuture().get(5, SECONDS);
    }
}
