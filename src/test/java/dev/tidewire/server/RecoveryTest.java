package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection state recovery on one node, as the reference's: the CONNECT reply carries a private session id, events
 * carry offsets, and a client that lost its connection comes back with its id, rooms and data, and the events sent
 * to it meanwhile; anything unknown, expired or malformed gives a fresh session.
 */
class RecoveryTest {
    private static final Pattern REPLY = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}$");
    private static final Pattern LAST_STRING = Pattern.compile(",\"([^\"]+)\"]$");

    private final SioTestServer t = new SioTestServer(
            SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
    private final List<String> connections = new ArrayList<>();

    RecoveryTest() {
        t.io.onConnection(s -> connections.add(s.id() + (s.recovered() ? " recovered" : " new")));
    }

    /** A client session: its peer, sid, pid and the last offset it saw. */
    private final class Client {
        SioTestServer.Peer peer = t.connect();
        String sid;
        String pid;

        Client connect(String auth) {
            int mark = peer.mark();
            peer.send(auth == null ? "40" : "40" + auth);
            Matcher m = REPLY.matcher(peer.textsSince(mark).get(0));
            assertTrue(m.matches(), peer.textsSince(mark).toString());
            sid = m.group(1);
            pid = m.group(2);
            return this;
        }

        Socket socket() {
            return t.io.sockets().sockets().get(sid);
        }

        String lastOffset() {
            List<String> events = peer.messages().stream().filter(f -> f.startsWith("42")).toList();
            Matcher m = LAST_STRING.matcher(events.get(events.size() - 1));
            assertTrue(m.find(), events.toString());
            return m.group(1);
        }

        /** The connection is lost (its transport closes), then a new one asks to recover. */
        Client reconnect(String pidToSend, String offset) {
            peer.closeTransport();
            Client again = new Client();
            again.connect("{\"pid\":\"" + pidToSend + "\",\"offset\":\"" + offset + "\"}");
            return again;
        }
    }

    @Test
    void theConnectReplyCarriesAPrivateSessionIdAndEventsAnOffset() {
        Client c = new Client().connect(null);
        assertNotEquals(c.sid, c.pid);
        t.io.emit("news", "tide");
        c.socket().emit("direct", 1);
        List<String> events = c.peer.messages().stream().filter(f -> f.startsWith("42")).toList();
        assertEquals(2, events.size());
        assertTrue(events.get(0).startsWith("42[\"news\",\"tide\",\""), events.get(0));
        assertTrue(events.get(1).startsWith("42[\"direct\",1,\""), events.get(1));
    }

    @Test
    void aClientThatLostItsConnectionGetsItsSocketBackWithWhatItMissed() {
        Client c = new Client().connect(null);
        c.socket().join("news");
        c.socket().data().put("nick", "ada");
        t.io.to("news").emit("first");
        String offset = c.lastOffset();
        c.peer.closeTransport();
        t.io.to("news").emit("missed", 1);
        t.io.to("elsewhere").emit("not for it");
        t.io.emit("to all");

        Client again = new Client().connect("{\"pid\":\"" + c.pid + "\",\"offset\":\"" + offset + "\"}");
        assertEquals(c.sid, again.sid);
        assertEquals(c.pid, again.pid);
        Socket restored = again.socket();
        assertTrue(restored.recovered());
        assertTrue(restored.rooms().contains("news"));
        assertEquals("ada", restored.data().get("nick"));
        List<String> replayed = again.peer.messages().stream().filter(f -> f.startsWith("42")).toList();
        assertEquals(2, replayed.size(), replayed.toString());
        assertTrue(replayed.get(0).startsWith("42[\"missed\",1,\""), replayed.toString());
        assertTrue(replayed.get(1).startsWith("42[\"to all\",\""), replayed.toString());
        assertEquals(List.of(c.sid + " new", c.sid + " recovered"), connections);
    }

    @Test
    void aRecoveredSocketSkipsTheMiddlewaresUnlessConfiguredOtherwise() {
        List<String> ran = new ArrayList<>();
        t.io.use(s -> ran.add(s.id()));
        Client c = new Client().connect(null);
        c.socket().emit("x");
        c.reconnect(c.pid, c.lastOffset());
        assertEquals(1, ran.size(), "only the first connection went through the middleware");

        SioTestServer strict = new SioTestServer(
                SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, false)));
        List<String> strictRan = new ArrayList<>();
        strict.io.use(s -> strictRan.add(s.id()));
        SioTestServer.Peer p = strict.connect();
        int mark = p.mark();
        p.send("40");
        Matcher m = REPLY.matcher(p.textsSince(mark).get(0));
        assertTrue(m.matches());
        strict.io.sockets().sockets().get(m.group(1)).emit("x");
        String offset = lastString(p.messages().get(p.messages().size() - 1));
        p.closeTransport();
        SioTestServer.Peer q = strict.connect();
        q.send("40{\"pid\":\"" + m.group(2) + "\",\"offset\":\"" + offset + "\"}");
        assertTrue(q.lastText().contains(m.group(1)), "recovered: " + q.lastText());
        assertEquals(2, strictRan.size());
    }

    @Test
    void anUnknownPidAnExpiredSessionOrABadOffsetGiveAFreshSession() {
        Client c = new Client().connect(null);
        c.socket().emit("x");
        String offset = c.lastOffset();
        Client unknown = c.reconnect("no-such-pid", offset);
        assertNotEquals(c.sid, unknown.sid);
        assertFalse(unknown.socket().recovered());

        unknown.socket().emit("y");
        Client badOffset = unknown.reconnect(unknown.pid, "garbage");
        assertNotEquals(unknown.sid, badOffset.sid);

        badOffset.socket().emit("z");
        String last = badOffset.lastOffset();
        badOffset.peer.closeTransport();
        t.clock.advance(60_001);
        Client expired = new Client().connect("{\"pid\":\"" + badOffset.pid + "\",\"offset\":\"" + last + "\"}");
        assertNotEquals(badOffset.sid, expired.sid);
        assertFalse(expired.socket().recovered());
    }

    @Test
    void anExplicitNamespaceDisconnectIsNotRecoverable() {
        Client c = new Client().connect(null);
        c.socket().emit("x");
        String offset = c.lastOffset();
        c.peer.send("41");
        Client again = c.reconnect(c.pid, offset);
        assertNotEquals(c.sid, again.sid);
    }

    @Test
    void aVolatileBroadcastIsNotKeptAndCarriesNoOffset() {
        Client c = new Client().connect(null);
        t.io.asVolatile().emit("v");
        assertEquals("42[\"v\"]", c.peer.lastText());
    }

    @Test
    void anOffsetNoLongerKeptGivesAFreshSessionRatherThanAGap() {
        Client c = new Client().connect(null);
        c.socket().emit("x");
        String offset = c.lastOffset();
        c.peer.closeTransport();
        for (int i = 0; i <= RecoveryOptions.MAX_KEPT_PACKETS; i++) t.io.to("nobody").emit("filler");
        Client again = new Client().connect("{\"pid\":\"" + c.pid + "\",\"offset\":\"" + offset + "\"}");
        assertNotEquals(c.sid, again.sid);
    }

    @Test
    void withoutRecoveryTheReplyHasNoPidAndEventsNoOffset() {
        SioTestServer plain = new SioTestServer();
        SioTestServer.Peer p = plain.connect();
        String sid = p.connectTo("/");
        assertNotNull(sid);
        plain.io.emit("e", 1);
        assertEquals("42[\"e\",1]", p.lastText());
    }

    /**
     * The old connection's close waits behind a disconnect listener (on the handler executor) while the client's
     * recovering CONNECT is handled on another thread: the CONNECT waits for that close, which keeps the session.
     */
    @Test
    void aReconnectThatOvertakesTheCloseOfItsOldConnectionStillRecovers() throws Exception {
        HeldExecutor handlers = new HeldExecutor();
        SioTestServer held = new SioTestServer(
                SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)), handlers);
        held.io.onConnection(s -> s.onDisconnect((socket, reason) -> { })); // user code: the close is queued
        SioTestServer.Peer old = held.connect();
        int mark = old.mark();
        old.send("40");
        handlers.runAll();
        Matcher m = REPLY.matcher(old.textsSince(mark).get(0));
        assertTrue(m.matches(), old.textsSince(mark).toString());
        held.io.emit("news");
        handlers.runAll();
        String offset = lastString(old.lastText());

        old.closeTransport();
        SioTestServer.Peer again = held.connect();
        mark = again.mark();
        again.send("40{\"pid\":\"" + m.group(2) + "\",\"offset\":\"" + offset + "\"}");
        assertEquals(2, handlers.tasks.size(), "the old close and the new CONNECT, both queued");
        Runnable oldClose = handlers.tasks.remove(0);
        Runnable reconnect = handlers.tasks.remove(0);
        Thread connecting = new Thread(reconnect, "reconnect");
        connecting.start();
        // the CONNECT goes first: it ends (a fresh socket), or it waits for the close
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (connecting.isAlive() && connecting.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "the reconnect neither ended nor waited");
            Thread.onSpinWait();
        }
        oldClose.run();
        connecting.join(10_000);
        assertFalse(connecting.isAlive());
        handlers.runAll();
        Matcher back = REPLY.matcher(again.textsSince(mark).get(0));
        assertTrue(back.matches(), again.textsSince(mark).toString());
        assertEquals(m.group(1), back.group(1), "the same socket: recovered");
        assertTrue(held.io.sockets().sockets().get(back.group(1)).recovered());
    }

    private static String lastString(String frame) {
        Matcher m = LAST_STRING.matcher(frame);
        assertTrue(m.find(), frame);
        return m.group(1);
    }
}
