package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisAdapterFactory;
import dev.tidewire.internal.redis.RedisAdapterOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed cluster on one real Redis with the pub/sub adapter: the Node node runs {@code @socket.io/redis-adapter}
 * 8.3.0. Besides the contract ({@link MixedRedisClusterContract}), each side's broadcasts, remote-socket operations
 * and {@code disconnectSockets} reach the other side's client, which proves the wire format both ways, including the
 * reference's {@code @socket.io/redis-emitter} and {@code allRooms}.
 */
class RedisMixedClusterTest extends MixedRedisClusterContract {
    @Override
    protected SioTestServer javaNode(String redisUri) {
        return new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(
                new RedisAdapterFactory(RedisAdapterOptions.defaults().withUri(redisUri))));
    }

    @Override
    protected NodeRedisNode nodeNode(String redisUri) {
        return NodeRedisNode.start(redisUri);
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
    void aRemoteNodeSocketFetchedFromJavaGetsEventsAndLeavesRooms() throws Exception {
        RemoteSocket remote = java.io.in(node.clientId()).fetchSockets().toCompletableFuture().get(5, SECONDS).get(0);
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
    void theJavaSocketFetchedFromNodeJoinsRoomsAndGetsEvents() {
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
