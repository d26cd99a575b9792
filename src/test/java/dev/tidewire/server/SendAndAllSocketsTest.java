package dev.tidewire.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The reference's {@code send} ({@code emit("message", ...)}) on a socket, the server, a namespace and an operator,
 * and its deprecated {@code allSockets()} (the ids {@code fetchSockets} finds), on one node and across two.
 */
@SuppressWarnings("deprecation")
class SendAndAllSocketsTest {
    private final SioTestServer t = new SioTestServer();

    private Socket socketOf(SioTestServer server, SioTestServer.Peer peer, String nsp) {
        return server.io.of(nsp).sockets().get(peer.connectTo(nsp));
    }

    private static Set<String> ids(CompletionStage<Set<String>> stage) throws Exception {
        return stage.toCompletableFuture().get(5, SECONDS);
    }

    @Test
    void socketSendIsAMessageEvent() {
        SioTestServer.Peer c = t.connect();
        Socket s = socketOf(t, c, "/");
        int m = c.mark();
        Socket returned = s.send("hello", 1);
        assertEquals(List.of("42[\"message\",\"hello\",1]"), c.textsSince(m));
        assertEquals(s, returned);
    }

    @Test
    void writeIsTheReferencesOtherNameForSend() {
        SioTestServer.Peer c = t.connect();
        Socket s = socketOf(t, c, "/");
        int m = c.mark();
        assertEquals(s, s.write("a"));
        t.io.write("b");
        t.io.of("/").write("c");
        assertEquals(List.of("42[\"message\",\"a\"]", "42[\"message\",\"b\"]", "42[\"message\",\"c\"]"),
                c.textsSince(m));
    }

    @Test
    void serverSendReachesTheMainNamespaceOnly() {
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        t.io.of("/chat");
        a.connectTo("/");
        b.connectTo("/chat");
        int ma = a.mark();
        int mb = b.mark();
        t.io.send("hi");
        assertEquals(List.of("42[\"message\",\"hi\"]"), a.textsSince(ma));
        b.assertNothingSince(mb);
    }

    @Test
    void namespaceAndOperatorSendHonourTheirTargets() {
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        Socket sa = socketOf(t, a, "/chat");
        socketOf(t, b, "/chat");
        sa.join("room");
        int ma = a.mark();
        int mb = b.mark();
        t.io.of("/chat").send("all");
        t.io.of("/chat").to("room").send("room only");
        sa.broadcast().send("not to the sender");
        assertEquals(List.of("42/chat,[\"message\",\"all\"]", "42/chat,[\"message\",\"room only\"]"), a.textsSince(ma));
        assertEquals(List.of("42/chat,[\"message\",\"all\"]", "42/chat,[\"message\",\"not to the sender\"]"),
                b.textsSince(mb));
    }

    @Test
    void aParentNamespaceSendReachesEveryChild() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d"));
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.connectTo("/d-1");
        b.connectTo("/d-2");
        int ma = a.mark();
        int mb = b.mark();
        parent.send("x");
        assertEquals(List.of("42/d-1,[\"message\",\"x\"]"), a.textsSince(ma));
        assertEquals(List.of("42/d-2,[\"message\",\"x\"]"), b.textsSince(mb));
    }

    @Test
    void allSocketsGivesTheIdsOfTheTargets() throws Exception {
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        SioTestServer.Peer c = t.connect();
        Socket sa = socketOf(t, a, "/");
        Socket sb = socketOf(t, b, "/");
        Socket sc = socketOf(t, c, "/chat");
        sa.join("room");
        sb.join("room", "muted");

        assertEquals(Set.of(sa.id(), sb.id()), ids(t.io.allSockets()));
        assertEquals(Set.of(sa.id(), sb.id()), ids(t.io.sockets().allSockets()));
        assertEquals(Set.of(sc.id()), ids(t.io.of("/chat").allSockets()));
        assertEquals(Set.of(sa.id(), sb.id()), ids(t.io.in("room").allSockets()));
        assertEquals(Set.of(sa.id()), ids(t.io.to("room").except("muted").allSockets()));
        assertEquals(Set.of(sb.id()), ids(sa.broadcast().allSockets()));
        assertEquals(Set.of(), ids(t.io.to("nobody").allSockets()));
        assertThrows(UnsupportedOperationException.class, () -> ids(t.io.allSockets()).add("x"));
    }

    @Test
    void allSocketsOfAParentNamespaceIsEmptyAsInTheReference() throws Exception {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d"));
        t.connect().connectTo("/d-1");
        assertEquals(Set.of(), ids(parent.allSockets()));
        assertEquals(1, ids(t.io.of("/d-1").allSockets()).size());
    }

    @Test
    void allSocketsSpansTheCluster() throws Exception {
        InMemoryBus bus = new InMemoryBus();
        SioTestServer a = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
        SioTestServer b = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
        Socket onA = socketOf(a, a.connect(), "/");
        Socket onB = socketOf(b, b.connect(), "/");
        onB.join("room");

        assertEquals(Set.of(onA.id(), onB.id()), ids(a.io.allSockets()));
        assertEquals(Set.of(onB.id()), ids(a.io.to("room").allSockets()));
        assertEquals(Set.of(onA.id()), ids(a.io.local().allSockets()));
    }
}
