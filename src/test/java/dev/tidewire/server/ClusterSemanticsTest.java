package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adapter SPI's cluster semantics on two servers joined by an {@link InMemoryBus}, each with its own clients:
 * every operation of one node reaches the sockets of the other, as with the reference's cluster adapter.
 */
class ClusterSemanticsTest {
    private final InMemoryBus bus = new InMemoryBus();
    private final SioTestServer a = node();
    private final SioTestServer b = node();
    private final SioTestServer.Peer onA = a.connect();
    private final SioTestServer.Peer onB = b.connect();
    private final Socket socketOnA;
    private final Socket socketOnB;

    ClusterSemanticsTest() {
        socketOnA = a.io.sockets().sockets().get(onA.connectTo("/"));
        socketOnB = b.io.sockets().sockets().get(onB.connectTo("/"));
    }

    private SioTestServer node() {
        return new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
    }

    @Test
    void eachNodeCountsTheOtherFromItsHeartbeats() throws Exception {
        assertEquals(2, a.io.serverCount().toCompletableFuture().get(5, SECONDS));
        assertEquals(2, b.io.serverCount().toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aBroadcastReachesTheClientsOfBothNodes() {
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.emit("hello", 1, Map.of("k", "v"));
        assertEquals(List.of("42[\"hello\",1,{\"k\":\"v\"}]"), onA.textsSince(ma));
        assertEquals(List.of("42[\"hello\",1,{\"k\":\"v\"}]"), onB.textsSince(mb));
    }

    @Test
    void roomsAndExclusionsAreResolvedOnTheNodeOfEachSocket() {
        socketOnB.join("news");
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.to("news").emit("headline");
        a.io.except("news").emit("others");
        assertEquals(List.of("42[\"others\"]"), onA.textsSince(ma));
        assertEquals(List.of("42[\"headline\"]"), onB.textsSince(mb));
    }

    @Test
    void binaryArgumentsCrossTheClusterAsBinary() {
        int mb = onB.mark();
        a.io.emit("file", (Object) new byte[]{1, 2, 3});
        List<Object> frames = onB.framesSince(mb);
        assertEquals("451-[\"file\",{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertTrue(frames.get(1) instanceof byte[] bytes && bytes.length == 3, frames.toString());
    }

    @Test
    void anObjectArgumentCrossesTheClusterAsItsJson() {
        int mb = onB.mark();
        a.io.emit("at", new StringBuilder("noon")); // the test binder writes an unknown value as its quoted text
        assertEquals(List.of("42[\"at\",\"noon\"]"), onB.textsSince(mb));
    }

    @Test
    void aLocalBroadcastStaysOnItsNode() {
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.local().emit("here");
        assertEquals(List.of("42[\"here\"]"), onA.textsSince(ma));
        onB.assertNothingSince(mb);
    }

    @Test
    void aSocketsLocalBroadcastReachesTheOthersOfItsNodeOnly() {
        SioTestServer.Peer secondOnA = a.connect();
        secondOnA.connectTo("/");
        int ma = onA.mark();
        int m2 = secondOnA.mark();
        int mb = onB.mark();
        socketOnA.local().emit("neighbours");
        assertEquals(List.of("42[\"neighbours\"]"), secondOnA.textsSince(m2));
        onA.assertNothingSince(ma);
        onB.assertNothingSince(mb);
    }

    @Test
    void aBroadcastFromTheOtherNodeIsToldToTheOutgoingListenersOfTheSocketsItReaches() {
        List<String> told = new java.util.ArrayList<>();
        socketOnB.onAnyOutgoing((event, args) -> told.add(event + " " + args));
        a.io.emit("hello", 1);
        a.io.except(socketOnB.id()).emit("not for b");
        a.io.timeout(1000).emitWithAck("question", "q");
        assertEquals(List.of("hello [1]", "question [q]"), told);
    }

    @Test
    void socketsJoinLeaveAndDisconnectReachTheOtherNode() {
        a.io.sockets().socketsJoin("all");
        assertTrue(socketOnB.rooms().contains("all"));
        a.io.in("all").socketsLeave("all");
        assertFalse(socketOnB.rooms().contains("all"));
        int mb = onB.mark();
        a.io.except(socketOnA.id()).disconnectSockets(false);
        assertEquals(List.of("41"), onB.textsSince(mb));
        assertFalse(socketOnB.connected());
        assertTrue(socketOnA.connected());
    }

    @Test
    void fetchSocketsFindsTheSocketsOfBothNodes() throws Exception {
        socketOnB.join("news");
        socketOnB.data().put("nick", "bea");
        List<RemoteSocket> all = a.io.fetchSockets().toCompletableFuture().get(5, SECONDS);
        assertEquals(Set.of(socketOnA.id(), socketOnB.id()), all.stream().map(RemoteSocket::id).collect(Collectors.toSet()));
        assertTrue(all.contains(socketOnA), "the local one is the socket itself");
        RemoteSocket remote = all.stream().filter(s -> !s.isLocal()).findFirst().orElseThrow();
        assertEquals(socketOnB.id(), remote.id());
        assertEquals(Set.of(socketOnB.id(), "news"), remote.rooms());
        assertEquals(Map.of("nick", "bea"), remote.data());
        assertEquals("127.0.0.1", remote.handshake().address());
        assertEquals("websocket", remote.handshake().queryParam("transport"));
        assertEquals(List.of(socketOnB.id()), ids(a.io.in("news").fetchSockets().toCompletableFuture().get(5, SECONDS)));
    }

    @Test
    void aRemoteSocketsHandshakeKeepsItsTimeTlsAndOriginFlags() throws Exception {
        SioTestServer.Peer fromPage = b.connect(Map.of("Origin", "https://app.example"), Map.of(), null, true);
        Socket local = b.io.sockets().sockets().get(fromPage.connectTo("/"));
        Handshake remote = a.io.in(local.id()).fetchSockets().toCompletableFuture().get(5, SECONDS).get(0).handshake();
        assertEquals(local.handshake().issued(), remote.issued());
        assertEquals(local.handshake().time(), remote.time());
        assertTrue(remote.secure());
        assertTrue(remote.xdomain());
        assertEquals("https://app.example", remote.header("origin"));
        Handshake plain =
                a.io.in(socketOnB.id()).fetchSockets().toCompletableFuture().get(5, SECONDS).get(0).handshake();
        assertFalse(plain.secure());
        assertFalse(plain.xdomain());
    }

    @Test
    void aRemoteSocketsOperationsReachItOnItsNode() throws Exception {
        RemoteSocket remote = a.io.in(socketOnB.id()).fetchSockets().toCompletableFuture().get(5, SECONDS).get(0);
        assertInstanceOf(RemoteSocketView.class, remote);
        int mb = onB.mark();
        remote.emit("direct", "hi");
        assertEquals(List.of("42[\"direct\",\"hi\"]"), onB.textsSince(mb));
        remote.join("vip");
        assertTrue(socketOnB.rooms().contains("vip"));
        remote.leave("vip");
        assertFalse(socketOnB.rooms().contains("vip"));
        remote.disconnect(false);
        assertFalse(socketOnB.connected());
    }

    @Test
    void aBroadcastWithAcksCollectsTheAnswersOfBothNodes() throws Exception {
        CompletableFuture<List<Object>> answers = a.io.timeout(1000).emitWithAck("question").toCompletableFuture();
        String idA = ackIdOf(onA.lastText());
        String idB = ackIdOf(onB.lastText());
        onA.send("43" + idA + "[\"from a\"]");
        assertFalse(answers.isDone(), "b's client has not answered yet");
        onB.send("43" + idB + "[\"from b\"]");
        assertEquals(Set.of("from a", "from b"), Set.copyOf(answers.get(5, SECONDS)));
    }

    @Test
    void aBroadcastWithAcksTimesOutWithTheAnswersThatArrived() {
        CompletableFuture<List<Object>> answers = a.io.timeout(1000).emitWithAck("question").toCompletableFuture();
        onB.send("43" + ackIdOf(onB.lastText()) + "[\"only b\"]");
        a.clock.advance(1000);
        ExecutionException e = assertThrows(ExecutionException.class, () -> answers.get(5, SECONDS));
        BroadcastAckTimeoutException timeout = assertInstanceOf(BroadcastAckTimeoutException.class, e.getCause());
        assertEquals(List.of("only b"), timeout.responses());
    }

    @Test
    void serverSideEmitReachesTheOtherNodesHandlersAndCollectsTheirAcks() throws Exception {
        List<List<Object>> heard = new java.util.ArrayList<>();
        b.io.onServerSideEmit("ping", (args, ack) -> {
            heard.add(args);
            ack.send("pong from b");
        });
        a.io.serverSideEmit("ping", 1);
        assertEquals(List.of(List.of(1)), heard);
        assertEquals(List.of("pong from b"), a.io.serverSideEmitWithAck(1000, "ping", 2).toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aRequestThatGetsNoAnswerTimesOut() {
        bus.responsesArrive = false;
        CompletableFuture<List<RemoteSocket>> found = a.io.timeout(300).fetchSockets().toCompletableFuture();
        a.clock.advance(299);
        assertFalse(found.isDone());
        a.clock.advance(1);
        ExecutionException e = assertThrows(ExecutionException.class, () -> found.get(5, SECONDS));
        assertInstanceOf(ClusterTimeoutException.class, e.getCause());
    }

    @Test
    void aNodeThatFallsSilentIsForgottenAndRequestsStopWaitingForIt() throws Exception {
        bus.responsesArrive = false;
        CompletableFuture<List<RemoteSocket>> found = a.io.timeout(60_000).fetchSockets().toCompletableFuture();
        bus.nodesOf("/").get(1).disconnect(); // b's adapter goes silent
        a.clock.advance(11_000); // past the heartbeat timeout, checked every second
        assertEquals(1, a.io.serverCount().toCompletableFuture().get(5, SECONDS));
        assertEquals(List.of(socketOnA), found.get(5, SECONDS), "answered with what it has once the node is gone");
    }

    @Test
    void aNodeThatClosesIsForgottenAtOnce() throws Exception {
        b.io.close();
        assertEquals(1, a.io.serverCount().toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void usersAreRoomsSoToUserReachesTheirSocketsOnEveryNode() {
        SioTestServer.Peer aliceOnA = a.connectAs("alice");
        SioTestServer.Peer aliceOnB = b.connectAs("alice");
        aliceOnA.connectTo("/");
        aliceOnB.connectTo("/");
        int m1 = aliceOnA.mark();
        int m2 = aliceOnB.mark();
        int mb = onB.mark();
        a.io.toUser("alice").emit("for alice");
        assertEquals(List.of("42[\"for alice\"]"), aliceOnA.textsSince(m1));
        assertEquals(List.of("42[\"for alice\"]"), aliceOnB.textsSince(m2));
        onB.assertNothingSince(mb);
    }

    @Test
    void aParentsRoomBroadcastReachesItsChildrenOnEveryNode() {
        a.io.of(Pattern.compile("/team-\\d+"));
        ParentNamespace parentOnB = b.io.of(Pattern.compile("/team-\\d+"));
        SioTestServer.Peer teamOnA = a.connect();
        a.io.of("/team-1").sockets().get(teamOnA.connectTo("/team-1")).join("news");
        int m = teamOnA.mark();
        b.io.of("/team-1"); // the child exists on b as well, without sockets
        parentOnB.to("news").emit("headline");
        assertEquals(List.of("42/team-1,[\"headline\"]"), teamOnA.textsSince(m));
    }

    private static String ackIdOf(String frame) {
        // 42<id>[...]
        int end = frame.indexOf('[');
        return frame.substring(2, end);
    }

    private static List<String> ids(List<RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).toList();
    }
}
