package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static dev.tidewire.server.ClusterAwait.ackIdOf;
import static dev.tidewire.server.ClusterAwait.awaitServerCount;
import static dev.tidewire.server.ClusterAwait.awaitTexts;
import static dev.tidewire.server.ClusterAwait.ids;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every Redis adapter does between two servers on one real {@code redis-server}, whatever its wire format: each
 * subclass names its adapter and adds what is its own. Messages arrive asynchronously, so a test waits for what it
 * expects; that nothing else arrived is shown by a marker sent afterwards (each adapter keeps one node's messages in
 * order).
 */
abstract class RedisTwoNodeContract {
    protected final RedisServer redis = RedisServer.start();
    protected final SioTestServer a = node(SocketIoOptions.defaults());
    protected final SioTestServer b = node(SocketIoOptions.defaults());
    protected final SioTestServer.Peer onA = a.connect();
    protected final SioTestServer.Peer onB = b.connect();
    protected final Socket socketOnA;
    protected final Socket socketOnB;

    RedisTwoNodeContract() {
        socketOnA = a.io.sockets().sockets().get(onA.connectTo("/"));
        socketOnB = b.io.sockets().sockets().get(onB.connectTo("/"));
        awaitServerCount(2, a, b);
    }

    /** The adapter under test, with its default options, on the Redis at {@code redisUri}. */
    protected abstract AdapterFactory adapter(String redisUri);

    /** A node with these options and the adapter under test; called while this object is being built. */
    protected final SioTestServer node(SocketIoOptions options) {
        return new SioTestServer(options.withAdapterFactory(adapter(redis.uri())));
    }

    @AfterEach
    void stop() {
        a.io.close();
        b.io.close();
        redis.close();
    }

    @Test
    void eachNodeCountsBothServers() throws Exception {
        assertEquals(2, a.io.serverCount().toCompletableFuture().get(5, SECONDS));
        assertEquals(2, b.io.serverCount().toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aBroadcastReachesTheClientsOfBothNodes() {
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.emit("hello", 1, Map.of("k", "v"));
        assertEquals(List.of("42[\"hello\",1,{\"k\":\"v\"}]"), onA.textsSince(ma));
        awaitTexts(onB, mb, "42[\"hello\",1,{\"k\":\"v\"}]");
    }

    @Test
    void binaryArgumentsCrossAsBinary() {
        int mb = onB.mark();
        a.io.emit("file", (Object) new byte[]{1, 2, 3});
        Eventually.until("the binary event on b", () -> onB.framesSince(mb).size() == 2);
        List<Object> frames = onB.framesSince(mb);
        assertEquals("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertTrue(frames.get(1) instanceof byte[] bytes && bytes.length == 3 && bytes[2] == 3, frames.toString());
    }

    @Test
    void aLocalBroadcastStaysOnItsNode() {
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.local().emit("here");
        a.io.local().socketsJoin("local-only");
        assertEquals(List.of("42[\"here\"]"), onA.textsSince(ma));
        a.io.to(socketOnB.id()).emit("marker");
        awaitTexts(onB, mb, "42[\"marker\"]");
        assertFalse(socketOnB.rooms().contains("local-only"));
        assertTrue(socketOnA.rooms().contains("local-only"));
    }

    @Test
    void socketsJoinLeaveAndDisconnectReachTheOtherNode() {
        a.io.sockets().socketsJoin("all");
        assertTrue(socketOnA.rooms().contains("all"), "at once on this node");
        Eventually.until("b's socket in room all", () -> socketOnB.rooms().contains("all"));
        a.io.in("all").socketsLeave("all");
        Eventually.until("b's socket out of room all", () -> !socketOnB.rooms().contains("all"));
        int mb = onB.mark();
        a.io.except(socketOnA.id()).disconnectSockets(false);
        awaitTexts(onB, mb, "41");
        // the DISCONNECT goes out as the socket leaves; its state may settle a moment after the packet is read
        Eventually.until("b's socket disconnected", () -> !socketOnB.connected());
        assertTrue(socketOnA.connected());
    }

    @Test
    void fetchSocketsFindsTheSocketsOfBothNodes() throws Exception {
        socketOnB.join("news");
        socketOnB.data().put("nick", "bea");
        List<RemoteSocket> all = a.io.fetchSockets().toCompletableFuture().get(5, SECONDS);
        assertEquals(Set.of(socketOnA.id(), socketOnB.id()), Set.copyOf(ids(all)));
        assertTrue(all.contains(socketOnA), "the local one is the socket itself");
        RemoteSocket remote = all.stream().filter(s -> !s.isLocal()).findFirst().orElseThrow();
        assertEquals(Set.of(socketOnB.id(), "news"), remote.rooms());
        assertEquals(Map.of("nick", "bea"), remote.data());
        assertEquals("127.0.0.1", remote.handshake().address());
        assertEquals("websocket", remote.handshake().queryParam("transport"));
        assertEquals(List.of(socketOnB.id()),
                ids(a.io.in("news").fetchSockets().toCompletableFuture().get(5, SECONDS)));
        assertEquals(List.of(socketOnA.id()),
                ids(a.io.except("news").fetchSockets().toCompletableFuture().get(5, SECONDS)));
    }

    @Test
    void aRemoteSocketsOperationsReachItOnItsNode() throws Exception {
        RemoteSocket remote = a.io.in(socketOnB.id()).fetchSockets().toCompletableFuture().get(5, SECONDS).get(0);
        assertFalse(remote.isLocal());
        int mb = onB.mark();
        remote.emit("direct", "hi");
        awaitTexts(onB, mb, "42[\"direct\",\"hi\"]");
        remote.join("vip");
        Eventually.until("b's socket in vip", () -> socketOnB.rooms().contains("vip"));
        remote.leave("vip");
        Eventually.until("b's socket out of vip", () -> !socketOnB.rooms().contains("vip"));
        remote.disconnect(false);
        Eventually.until("b's socket disconnected", () -> !socketOnB.connected());
    }

    @Test
    void aBroadcastWithAcksCollectsTheAnswersOfBothNodes() throws Exception {
        int mb = onB.mark();
        CompletableFuture<List<Object>> answers = a.io.timeout(5000).emitWithAck("question", 7).toCompletableFuture();
        String idA = ackIdOf(onA.lastText());
        awaitTexts(onB, mb, 1);
        String idB = ackIdOf(onB.textsSince(mb).get(0));
        onA.send("43" + idA + "[\"from a\"]");
        assertFalse(answers.isDone(), "b's client has not answered yet");
        onB.send("43" + idB + "[\"from b\",{\"more\":true}]");
        assertEquals(Set.of("from a", "from b"), Set.copyOf(answers.get(5, SECONDS)));
    }

    @Test
    void serverSideEmitReachesTheOtherNodesHandlersAndCollectsTheirAcks() throws Exception {
        List<List<Object>> heard = Collections.synchronizedList(new ArrayList<>());
        b.io.onServerSideEmit("ping", (args, ack) -> {
            heard.add(args);
            ack.send("pong from b");
        });
        a.io.serverSideEmit("ping", 1);
        Eventually.until("b's handler called", () -> heard.size() == 1);
        assertEquals(List.of(1L), heard.get(0), "JSON numbers, as between Node nodes");
        assertEquals(List.of("pong from b"),
                a.io.serverSideEmitWithAck(5000, "ping", 2).toCompletableFuture().get(5, SECONDS));
        assertEquals(List.of(2L), heard.get(1));
    }

    @Test
    void closingTheServerLeavesNoRedisThreadBehind() {
        a.io.close();
        b.io.close();
        Eventually.until("no tidewire-redis thread", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("tidewire-redis")));
    }
}
