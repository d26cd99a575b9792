package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Dynamic namespaces from a pattern or a predicate: children on first CONNECT, inheritance, parent broadcasts. */
class DynamicNamespaceTest {
    private final SioTestServer t = new SioTestServer();

    @Test
    void aMatchingConnectCreatesAChildOfThePatternParent() {
        List<Socket> connected = new ArrayList<>();
        ParentNamespace parent = t.io.of(Pattern.compile("/dynamic-\\d+")).onConnection(connected::add);
        assertTrue(parent.name().startsWith("/_"), parent.name());

        SioTestServer.Peer c = t.connect();
        String sid = c.connectTo("/dynamic-101");

        assertEquals(1, connected.size());
        Socket s = connected.get(0);
        assertEquals(sid, s.id());
        assertEquals("/dynamic-101", s.namespace().name());
        assertSame(parent, s.namespace().parent());
        assertEquals(List.of(s.namespace()), parent.children());
        assertSame(s.namespace(), t.io.namespaces().get("/dynamic-101"));
    }

    @Test
    void aNonMatchingNameIsAnInvalidNamespace() {
        t.io.of(Pattern.compile("/dynamic-\\d+"));
        SioTestServer.Peer c = t.connect();
        c.send("40/dynamic-abc,");
        assertEquals("44/dynamic-abc,{\"message\":\"Invalid namespace\"}", c.lastText());
        assertFalse(t.io.namespaces().containsKey("/dynamic-abc"));
        assertFalse(c.isClosed());
    }

    @Test
    void theChildIsCreatedOnceAndReused() {
        ParentNamespace parent = t.io.of(Pattern.compile("/room-.*"));
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.connectTo("/room-1");
        b.connectTo("/room-1");
        b.connectTo("/room-2");
        assertEquals(2, parent.children().size());
        assertEquals(2, t.io.namespaces().get("/room-1").sockets().size());
    }

    @Test
    void aPredicateSeesTheNameAndTheAuthPayload() {
        List<String> asked = new ArrayList<>();
        List<Socket> connected = new ArrayList<>();
        t.io.ofPredicate((name, auth) -> {
            asked.add(name + " " + auth);
            return name.startsWith("/team-") && "secret".equals(auth.get("key"));
        }).onConnection(connected::add);
        SioTestServer.Peer c = t.connect();

        c.send("40/team-a,{\"key\":\"wrong\"}");
        assertEquals("44/team-a,{\"message\":\"Invalid namespace\"}", c.lastText());
        c.connectTo("/team-a", "{\"key\":\"secret\"}");
        assertEquals(List.of("/team-a {key=wrong}", "/team-a {key=secret}"), asked);
        assertEquals(1, connected.size());
        assertEquals("/team-a", connected.get(0).namespace().name());
    }

    @Test
    void childrenInheritTheParentsMiddlewaresAndRunTheirOwnAfterThem() {
        List<String> calls = new ArrayList<>();
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        parent.use(s -> {
            calls.add("parent " + s.namespace().name());
            if (s.handshake().auth().containsKey("deny")) throw new ConnectionRefusedException("denied by parent");
        });
        SioTestServer.Peer c = t.connect();

        c.send("40/d-1,{\"deny\":true}");
        assertEquals("44/d-1,{\"message\":\"denied by parent\"}", c.lastText());
        assertEquals(List.of("parent /d-1"), calls);

        t.io.namespaces().get("/d-1").use(s -> calls.add("child"));
        calls.clear();
        c.connectTo("/d-1");
        assertEquals(List.of("parent /d-1", "child"), calls);
    }

    @Test
    void childrenInheritTheParentsConnectionListeners() {
        List<String> calls = new ArrayList<>();
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        parent.onConnection(s -> calls.add("parent " + s.namespace().name()));
        SioTestServer.Peer c = t.connect();
        c.connectTo("/d-1");
        t.io.namespaces().get("/d-1").onConnection(s -> calls.add("child " + s.namespace().name()));
        c.connectTo("/d-2");
        t.connect().connectTo("/d-1");
        assertEquals(List.of("parent /d-1", "parent /d-2", "parent /d-1", "child /d-1"), calls);
    }

    @Test
    void aParentEmitReachesEveryChild() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.connectTo("/d-1");
        b.connectTo("/d-2");
        b.connectTo("/");
        int mb = b.mark();
        parent.emit("all", 1);
        assertEquals("42/d-1,[\"all\",1]", a.lastText());
        assertEquals(List.of("42/d-2,[\"all\",1]"), b.textsSince(mb));
    }

    @Test
    void childrenHaveTheirOwnRoomsAndEvents() {
        t.io.of(Pattern.compile("/d-.*"));
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        Namespace one = t.io.of("/d-1");
        Socket sa = one.sockets().get(a.connectTo("/d-1"));
        Socket sb = t.io.of("/d-2").sockets().get(b.connectTo("/d-2"));
        sa.join("r");
        sb.join("r");
        int mb = b.mark();
        one.to("r").emit("x");
        assertEquals("42/d-1,[\"x\"]", a.lastText());
        b.assertNothingSince(mb);

        List<Object> got = new ArrayList<>();
        sa.on("ping", (args, ack) -> ack.send("pong"));
        a.send("42/d-1,3[\"ping\"]");
        assertEquals("43/d-1,3[\"pong\"]", a.lastText());
        assertTrue(got.isEmpty());
    }

    @Test
    void anExplicitOfMatchingAParentBecomesItsChild() {
        List<String> calls = new ArrayList<>();
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*")).onConnection(s -> calls.add("parent"));
        Namespace explicit = t.io.of("/d-5");
        assertSame(parent, explicit.parent());
        assertEquals(List.of(explicit), parent.children());
        t.connect().connectTo("/d-5");
        assertEquals(List.of("parent"), calls);
    }

    @Test
    void staticNamespacesWinOverDynamicOnes() {
        Namespace fixed = t.io.of("/d-0");
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        t.connect().connectTo("/d-0");
        assertEquals(1, fixed.sockets().size());
        assertTrue(parent.children().isEmpty());
    }

    @Test
    void twoParentsGetDistinctNames() {
        ParentNamespace p0 = t.io.of(Pattern.compile("/a-.*"));
        ParentNamespace p1 = t.io.ofPredicate((n, a) -> false);
        assertNotSame(p0, p1);
        assertFalse(p0.name().equals(p1.name()));
    }

    @Test
    void fetchSocketsOnAParentIsNotSupported() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        assertThrows(UnsupportedOperationException.class, parent::fetchSockets);
    }
}
