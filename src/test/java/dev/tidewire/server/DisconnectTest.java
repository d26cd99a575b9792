package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leaving a namespace: disconnecting then disconnect listeners, with the reference's reasons for each trigger. */
class DisconnectTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> events = new ArrayList<>();
    private SioTestServer.Peer c;
    private Socket main;
    private Socket admin;

    @BeforeEach
    void connect() {
        t.io.of("/admin");
        c = t.connect();
        main = track(t.io.sockets().sockets().get(c.connectTo("/")));
        admin = track(t.io.of("/admin").sockets().get(c.connectTo("/admin")));
    }

    private Socket track(Socket s) {
        String nsp = s.namespace().name();
        s.onDisconnecting((sock, reason) -> events.add("disconnecting " + nsp + " " + reason.wireName()));
        s.onDisconnect((sock, reason) -> events.add("disconnect " + nsp + " " + reason.wireName()));
        return s;
    }

    @Test
    void clientNamespaceDisconnect() {
        int mark = c.mark();
        c.send("41");
        assertEquals(List.of("disconnecting / client namespace disconnect", "disconnect / client namespace disconnect"),
                events);
        c.assertNothingSince(mark); // no response
        assertFalse(c.isClosed()); // the connection stays, even with no namespace left later
        assertFalse(main.connected());
        assertTrue(t.io.sockets().sockets().isEmpty());
        assertTrue(admin.connected());

        c.send("41/admin,");
        assertEquals("disconnect /admin client namespace disconnect", events.get(events.size() - 1));
        assertFalse(c.isClosed());
        assertEquals(1, t.io.clientCount());
    }

    @Test
    void clientNamespaceDisconnectWithoutTrailingComma() {
        c.send("41/admin");
        assertEquals(List.of("disconnecting /admin client namespace disconnect",
                "disconnect /admin client namespace disconnect"), events);
        assertTrue(main.connected());
    }

    @Test
    void theClientMayReconnectToANamespaceItLeft() {
        c.send("41");
        String again = c.connectTo("/");
        assertFalse(again.equals(main.id()));
        assertTrue(t.io.sockets().sockets().containsKey(again));
    }

    @Test
    void aClientClosingAtOnceOnTheDisconnectPacketDoesNotChangeTheReason() {
        // a real client closes its transport when its last namespace is disconnected; read on another container
        // thread, that close can arrive while the server is still finishing its own disconnect
        c.ws.onEachFrame(frame -> {
            if ("41".equals(frame)) c.closeTransport();
        });
        main.disconnect();
        assertEquals(List.of("disconnecting / server namespace disconnect", "disconnect / server namespace disconnect"),
                events.stream().filter(e -> e.contains(" / ")).toList());
        assertTrue(events.contains("disconnect /admin transport close"), events.toString());
    }

    @Test
    void serverNamespaceDisconnectSendsDisconnect() {
        int mark = c.mark();
        main.disconnect();
        assertEquals(List.of("41"), c.textsSince(mark));
        assertEquals(List.of("disconnecting / server namespace disconnect", "disconnect / server namespace disconnect"),
                events);
        assertFalse(c.isClosed());
        assertTrue(admin.connected());

        mark = c.mark();
        admin.disconnect(false);
        assertEquals(List.of("41/admin,"), c.textsSince(mark));
        assertFalse(c.isClosed());
    }

    @Test
    void disconnectTwiceFiresOnce() {
        main.disconnect();
        int mark = c.mark();
        main.disconnect();
        c.assertNothingSince(mark);
        assertEquals(2, events.size());
    }

    @Test
    void disconnectTrueSendsDisconnectForEveryNamespaceThenCloses() {
        int mark = c.mark();
        admin.disconnect(true);
        assertEquals(Set.of("41", "41/admin,"), Set.copyOf(c.textsSince(mark)));
        assertEquals(2, c.textsSince(mark).size());
        assertTrue(c.isClosed());
        assertEquals(1000, c.ws.closeCode());
        assertEquals(c.ws.frameCount(), c.ws.framesAtClose(), "the DISCONNECT packets go out before the close");
        assertTrue(events.containsAll(List.of("disconnect / server namespace disconnect",
                "disconnect /admin server namespace disconnect")), events.toString());
        assertEquals(4, events.size(), events.toString());
        assertEquals(0, t.io.clientCount());
        assertEquals(0, t.engine.sessionCount());
    }

    @Test
    void transportClose() {
        c.closeTransport();
        assertEquals(Set.of("disconnecting / transport close", "disconnect / transport close",
                "disconnecting /admin transport close", "disconnect /admin transport close"), Set.copyOf(events));
        assertEquals(4, events.size());
        assertEquals(0, t.io.clientCount());
        assertTrue(t.io.sockets().sockets().isEmpty());
        assertTrue(t.io.sockets().localRooms().isEmpty());
    }

    @Test
    void transportError() {
        c.handler.onError(new java.io.IOException("reset"));
        assertTrue(events.contains("disconnect / transport error"), events.toString());
        assertTrue(events.contains("disconnect /admin transport error"), events.toString());
    }

    @Test
    void pingTimeout() {
        t.clock.advance(25_000);
        assertEquals("2", c.lastText());
        t.clock.advance(19_999);
        assertTrue(events.isEmpty());
        t.clock.advance(1);
        assertTrue(events.contains("disconnect / ping timeout"), events.toString());
        assertTrue(events.contains("disconnect /admin ping timeout"), events.toString());
        assertTrue(c.isClosed());
    }

    @Test
    void aPongKeepsTheSocketsConnected() {
        for (int i = 0; i < 5; i++) {
            t.clock.advance(25_000);
            assertEquals("2", c.lastText());
            c.send("3");
        }
        t.clock.advance(20_000);
        assertTrue(events.isEmpty(), events.toString());
        assertTrue(main.connected());
    }

    @Test
    void serverShuttingDown() {
        t.io.close();
        assertTrue(events.contains("disconnect / server shutting down"), events.toString());
        assertTrue(events.contains("disconnect /admin server shutting down"), events.toString());
        assertEquals(1001, c.ws.closeCode());
    }

    @Test
    void disconnectingSeesTheRoomsAndDisconnectSeesThemLeft() {
        List<Set<String>> seen = new ArrayList<>();
        main.join("room");
        main.onDisconnecting((s, r) -> seen.add(s.rooms()));
        main.onDisconnect((s, r) -> seen.add(s.rooms()));
        c.send("41");
        assertEquals(List.of(Set.of(main.id(), "room"), Set.of()), seen);
    }

    @Test
    void aFailingDisconnectListenerDoesNotStopTheOthers() {
        List<String> calls = new ArrayList<>();
        main.onDisconnect((s, r) -> {
            throw new IllegalStateException("boom");
        });
        main.onDisconnect((s, r) -> calls.add("after"));
        c.send("41");
        assertEquals(List.of("after"), calls);
        assertFalse(c.isClosed());
    }

    @Test
    void eventsAfterTheClientLeftTheNamespaceAreAViolation() {
        List<Object> got = new ArrayList<>();
        main.on("x", (args, ack) -> got.add(args));
        c.send("41");
        c.send("42[\"x\"]");
        assertTrue(got.isEmpty());
        assertTrue(c.isClosed());
    }
}
