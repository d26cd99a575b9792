package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Namespace middlewares ({@code nsp.use}): order, refusal as CONNECT_ERROR, and what the socket looks like meanwhile. */
class MiddlewareTest {
    private final SioTestServer t = new SioTestServer();

    @Test
    void refusalSendsConnectErrorWithMessageAndDataAndTheConnectionStaysOpen() {
        List<Socket> connected = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", 42);
        data.put("retry", false);
        t.io.of("/admin").use(s -> {
            throw new ConnectionRefusedException("Not authorized", data);
        }).onConnection(connected::add);
        SioTestServer.Peer c = t.connect();

        int mark = c.mark();
        c.send("40/admin,{\"token\":\"bad\"}");

        assertEquals(List.of("44/admin,{\"message\":\"Not authorized\",\"data\":{\"code\":42,\"retry\":false}}"),
                c.textsSince(mark));
        assertTrue(connected.isEmpty());
        assertTrue(t.io.of("/admin").sockets().isEmpty());
        assertFalse(c.isClosed());
        assertEquals(1, t.io.clientCount());
    }

    @Test
    void dataIsOmittedWhenNull() {
        t.io.use(s -> {
            throw new ConnectionRefusedException("nope");
        });
        SioTestServer.Peer c = t.connect();
        int mark = c.mark();
        c.send("40");
        assertEquals(List.of("44{\"message\":\"nope\"}"), c.textsSince(mark));
        assertFalse(c.isClosed());
    }

    @Test
    void anyOtherExceptionRefusesWithItsMessage() {
        t.io.of("/x").use(s -> {
            throw new IllegalStateException("db down");
        });
        SioTestServer.Peer c = t.connect();
        int mark = c.mark();
        c.send("40/x,");
        assertEquals(List.of("44/x,{\"message\":\"db down\"}"), c.textsSince(mark));
    }

    @Test
    void middlewaresRunInOrderAndStopAtTheFirstRefusal() {
        List<String> calls = new ArrayList<>();
        t.io.use(s -> calls.add("one"))
                .use(s -> {
                    calls.add("two");
                    if ("bad".equals(s.handshake().auth().get("token"))) throw new ConnectionRefusedException("refused");
                })
                .use(s -> calls.add("three"));
        SioTestServer.Peer c = t.connect();

        c.send("40{\"token\":\"bad\"}");
        assertEquals(List.of("one", "two"), calls);
        assertEquals("44{\"message\":\"refused\"}", c.lastText());

        calls.clear();
        c.connectTo("/", "{\"token\":\"good\"}");
        assertEquals(List.of("one", "two", "three"), calls);
    }

    @Test
    void theSocketIsNotConnectedWhileMiddlewaresRunButHasItsHandshakeAndData() {
        List<Object> seen = new ArrayList<>();
        t.io.of("/m").use(s -> {
            seen.add(s.connected());
            seen.add(s.handshake().auth());
            seen.add(s.namespace().sockets().containsKey(s.id()));
            s.data().put("user", "ann");
        });
        List<Socket> connected = new ArrayList<>();
        t.io.of("/m").onConnection(connected::add);
        t.connect().connectTo("/m", "{\"u\":\"ann\"}");
        assertEquals(List.of(false, Map.of("u", "ann"), false), seen);
        assertTrue(connected.get(0).connected());
        assertEquals("ann", connected.get(0).data().get("user"));
    }

    @Test
    void aRefusedClientMayTryAgainAndConnectToOtherNamespaces() {
        int[] attempts = {0};
        t.io.of("/admin").use(s -> {
            if (attempts[0]++ == 0) throw new ConnectionRefusedException("first try fails");
        });
        SioTestServer.Peer c = t.connect();
        c.send("40/admin,");
        assertEquals("44/admin,{\"message\":\"first try fails\"}", c.lastText());
        c.connectTo("/");
        c.connectTo("/admin");
        assertEquals(1, t.io.of("/admin").sockets().size());
        assertFalse(c.isClosed());
    }

    @Test
    void middlewareOfOneNamespaceDoesNotApplyToAnother() {
        t.io.of("/private").use(s -> {
            throw new ConnectionRefusedException("private");
        });
        t.io.of("/public");
        SioTestServer.Peer c = t.connect();
        c.connectTo("/");
        c.connectTo("/public");
        c.send("40/private,");
        assertEquals("44/private,{\"message\":\"private\"}", c.lastText());
    }

    @Test
    void aClientThatLeftWhileTheMiddlewareRanIsNotConnected() {
        List<Socket> connected = new ArrayList<>();
        SioTestServer.Peer[] peer = new SioTestServer.Peer[1];
        t.io.use(s -> peer[0].closeTransport()).onConnection(connected::add);
        peer[0] = t.connect();
        int mark = peer[0].mark();
        peer[0].send("40");
        assertTrue(connected.isEmpty());
        assertTrue(t.io.sockets().sockets().isEmpty());
        assertTrue(t.io.sockets().localRooms().isEmpty());
        peer[0].assertNothingSince(mark);
    }

    @Test
    void roomsJoinedInAMiddlewareAreKeptOnSuccess() {
        t.io.use(s -> s.join("user:ann"));
        SioTestServer.Peer c = t.connect();
        String sid = c.connectTo("/");
        assertEquals(Set.of(sid, "user:ann"), t.io.sockets().sockets().get(sid).rooms());
        t.io.to("user:ann").emit("hello");
        assertEquals("42[\"hello\"]", c.lastText());
    }

    @Test
    void roomsJoinedInAMiddlewareAreLeftAfterARefusal() {
        // reference socket.ts: "should leave all rooms joined after a middleware failure"
        t.io.use(s -> {
            s.join("room1");
            throw new ConnectionRefusedException("nope");
        });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        assertEquals("44{\"message\":\"nope\"}", c.lastText());
        assertEquals(Set.of(), t.io.sockets().localRooms());
    }
}
