package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** CONNECT to {@code /} and to custom namespaces: the reply, the socket id, auth, own room, handshake. */
class NamespaceConnectTest {
    private final SioTestServer t = new SioTestServer();

    @Test
    void connectToMainNamespaceRepliesWithANewSocketIdDistinctFromTheEngineSid() {
        List<Socket> connected = new ArrayList<>();
        t.io.onConnection(connected::add);
        SioTestServer.Peer c = t.connect();

        int mark = c.mark();
        c.send("40");

        List<String> replies = c.textsSince(mark);
        assertEquals(1, replies.size(), replies.toString());
        assertTrue(replies.get(0).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}"), replies.get(0));
        assertEquals(1, connected.size());
        Socket s = connected.get(0);
        assertEquals("40{\"sid\":\"" + s.id() + "\"}", replies.get(0));
        assertNotEquals(c.engineSid, s.id());
        assertSame(t.io.sockets(), s.namespace());
        assertTrue(s.connected());
        assertSame(s, t.io.sockets().sockets().get(s.id()));
    }

    @Test
    void theSocketJoinsItsOwnRoom() {
        SioTestServer.Peer c = t.connect();
        String sid = c.connectTo("/");
        Socket s = t.io.sockets().sockets().get(sid);
        assertEquals(Set.of(sid), s.rooms());
        assertTrue(t.io.sockets().localRooms().contains(sid));
    }

    @Test
    void authIsAnEmptyObjectWhenTheConnectCarriesNone() {
        List<Socket> connected = new ArrayList<>();
        t.io.onConnection(connected::add);
        t.connect().connectTo("/");
        assertEquals(Map.of(), connected.get(0).handshake().auth());
    }

    @Test
    void customNamespaceWithAuth() {
        List<Socket> connected = new ArrayList<>();
        t.io.of("/admin").onConnection(connected::add);
        SioTestServer.Peer c = t.connect();

        int mark = c.mark();
        c.send("40/admin,{\"token\":\"123\"}");

        assertEquals(1, connected.size());
        Socket s = connected.get(0);
        assertEquals(List.of("40/admin,{\"sid\":\"" + s.id() + "\"}"), c.textsSince(mark));
        assertEquals(Map.of("token", "123"), s.handshake().auth());
        assertEquals("/admin", s.namespace().name());
        assertNotEquals(c.engineSid, s.id());
        assertEquals(Set.of(s.id()), s.rooms());
    }

    @Test
    void namespaceWithoutTrailingCommaIsAccepted() {
        List<Socket> connected = new ArrayList<>();
        t.io.of("/custom").onConnection(connected::add);
        SioTestServer.Peer c = t.connect();
        int mark = c.mark();
        c.send("40/custom");
        assertEquals(1, connected.size());
        assertEquals(List.of("40/custom,{\"sid\":\"" + connected.get(0).id() + "\"}"), c.textsSince(mark));
        assertEquals(Map.of(), connected.get(0).handshake().auth());
    }

    @Test
    void thereIsNoImplicitMainNamespace() {
        t.io.of("/admin");
        SioTestServer.Peer c = t.connect();
        c.connectTo("/admin");
        assertTrue(t.io.sockets().sockets().isEmpty());
        assertEquals(1, t.io.of("/admin").sockets().size());
    }

    @Test
    void eachNamespaceGetsItsOwnSocketId() {
        t.io.of("/admin");
        SioTestServer.Peer c = t.connect();
        String main = c.connectTo("/");
        String admin = c.connectTo("/admin");
        assertNotEquals(main, admin);
        assertNotEquals(c.engineSid, admin);
        assertEquals(Set.of(main), t.io.sockets().sockets().keySet());
        assertEquals(Set.of(admin), t.io.of("/admin").sockets().keySet());
    }

    @Test
    void namesWithoutLeadingSlashGetOne() {
        assertSame(t.io.of("/chat"), t.io.of("chat"));
        assertEquals("/chat", t.io.of("chat").name());
    }

    @Test
    void unknownNamespaceGetsConnectErrorAndTheConnectionStaysOpen() {
        SioTestServer.Peer c = t.connect();
        int mark = c.mark();
        c.send("40/random,");
        assertEquals(List.of("44/random,{\"message\":\"Invalid namespace\"}"), c.textsSince(mark));
        assertFalse(c.isClosed());
        assertFalse(t.io.namespaces().containsKey("/random"));

        c.connectTo("/"); // still usable
        assertEquals(1, t.io.sockets().sockets().size());
    }

    @Test
    void theConnectReplyIsQueuedBeforeConnectionListenersRunAndTheirEmitsFollowIt() {
        SioTestServer.Peer c = t.connect();
        List<String> seenByListener = new ArrayList<>();
        t.io.onConnection(s -> {
            seenByListener.add(c.lastText());
            seenByListener.add(String.valueOf(s.rooms().contains(s.id())));
            s.emit("welcome", "hi");
        });
        String sid = c.connectTo("/");
        assertEquals(List.of("40{\"sid\":\"" + sid + "\"}", "true"), seenByListener);
        assertEquals("42[\"welcome\",\"hi\"]", c.lastText());
    }

    @Test
    void connectionListenersRunInOrderAndAFailingOneDoesNotStopTheOthers() {
        List<String> calls = new ArrayList<>();
        t.io.onConnection(s -> calls.add("first"));
        t.io.on("connection", s -> {
            calls.add("second");
            throw new IllegalStateException("boom");
        });
        t.io.on("connect", s -> calls.add("third"));
        SioTestServer.Peer c = t.connect();
        c.connectTo("/");
        assertEquals(List.of("first", "second", "third"), calls);
        assertFalse(c.isClosed());
    }

    @Test
    void handshakeComesFromTheFirstHttpRequest() {
        List<Socket> connected = new ArrayList<>();
        t.io.onConnection(connected::add);
        SioTestServer.Peer c = t.connect(Map.of("Origin", "https://example.com", "X-Custom", "v"),
                Map.of("token", "abc"));
        c.connectTo("/");
        Handshake h = connected.get(0).handshake();
        assertEquals("v", h.header("x-custom"));
        assertTrue(h.xdomain());
        assertEquals("abc", h.queryParam("token"));
        assertEquals("4", h.queryParam("EIO"));
        assertEquals("127.0.0.1", h.address());
        assertFalse(h.secure());
        assertTrue(h.url().startsWith("/socket.io/?EIO=4"), h.url());
        assertTrue(h.issued() > 0);
        assertEquals("websocket", connected.get(0).transport());
    }

    @Test
    void manySocketsOnManyClients() {
        for (int i = 0; i < 20; i++) t.connect().connectTo("/");
        assertEquals(20, t.io.sockets().sockets().size());
        assertEquals(20, t.io.clientCount());
    }
}
