package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a {@link SessionObserver} is told, and when: the reference's {@code packet}, {@code packetCreate},
 * {@code flush}, {@code drain} and {@code heartbeat}, for both protocol revisions and both transports.
 */
class SessionObserverTest {
    private final TestEngine t = TestEngine.with(b -> b.pingInterval(300).pingTimeout(200).allowEIO3(true)
            .upgradeTimeout(1000));

    /** Records each call as one line, e.g. {@code "received pong:"} or {@code "flushed [4a, 2]"}. */
    static final class RecordingObserver implements SessionObserver {
        final List<String> seen = new ArrayList<>();

        private static String show(Packet p) {
            return p.type().name().toLowerCase() + ":" + (p.isBinary() ? p.binary().length + " bytes" : p.text());
        }

        public void received(Packet packet) {
            seen.add("received " + show(packet));
        }

        public void created(List<Packet> packets) {
            for (Packet p : packets) seen.add("created " + show(p));
        }

        public void flushed(List<Packet> packets) {
            seen.add("flushed " + packets.stream().map(Packet::encodedText).toList());
        }

        public void drained() {
            seen.add("drained");
        }

        public void heartbeat() {
            seen.add("heartbeat");
        }
    }

    private final RecordingObserver observer = new RecordingObserver();

    private EngineSession webSocketSession(FakeWebSocketConnection ws) {
        t.handshakeWebSocket(ws);
        EngineSession session = t.connected.get(t.connected.size() - 1);
        session.observe(observer);
        return session;
    }

    @Test
    void overWebSocketThePingIsCreatedAndFlushedAndThePongIsAHeartbeat() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        EngineSession session = webSocketSession(ws);
        WebSocketHandler h = session.mainSocketHandler(ws);

        t.clock.advance(300);
        assertEquals(List.of("created ping:", "flushed [2]", "drained"), observer.seen);
        observer.seen.clear();

        h.onText("3");
        h.onText("4hello");
        h.onBinary(new byte[] {1, 2, 3});
        assertEquals(List.of("received pong:", "heartbeat", "received message:hello", "received message:3 bytes"),
                observer.seen);
        assertEquals(List.of("hello"), t.listener(session.id()).messages, "the layer above still gets the message");
        observer.seen.clear();

        session.send(List.of(Packet.message("a"), Packet.message("b")), false);
        assertEquals(List.of("created message:a", "created message:b", "flushed [4a]", "flushed [4b]", "drained"),
                observer.seen, "the fake takes one frame at a time: one flush per frame, the drain at the end");
    }

    @Test
    void aWebSocketDrainsOnlyOnceTheQueueIsEmpty() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        EngineSession session = webSocketSession(ws);
        ws.holdCompletions(); // a window of one frame in flight
        session.sendMessage("a");
        assertEquals(List.of("created message:a", "flushed [4a]", "drained"), observer.seen);
        observer.seen.clear();
        session.send(List.of(Packet.message("b"), Packet.message("c")), false);
        assertEquals(List.of("created message:b", "created message:c"), observer.seen, "they wait for a's frame");
        ws.completeNext();
        assertEquals(List.of("created message:b", "created message:c", "flushed [4b]"), observer.seen,
                "c is still queued: no drain");
        ws.completeNext();
        assertEquals(List.of("created message:b", "created message:c", "flushed [4b]", "flushed [4c]", "drained"),
                observer.seen);
    }

    @Test
    void aPacketsCreationIsToldBeforeItsFlushWhenAnotherThreadWritesItFirst() throws Exception {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        CountDownLatch inCreated = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        t.handshakeWebSocket(ws);
        EngineSession session = t.connected.get(t.connected.size() - 1);
        session.observe(new SessionObserver() {
            @Override
            public void created(List<Packet> packets) {
                if (packets.get(0).text().equals("b")) { // the sending thread is preempted right here
                    inCreated.countDown();
                    await(goOn);
                }
                told.add("created " + packets.get(0).text());
            }

            @Override
            public void flushed(List<Packet> packets) {
                told.add("flushed " + packets.get(0).text());
            }

            @Override
            public void received(Packet packet) {
            }

            @Override
            public void drained() {
            }

            @Override
            public void heartbeat() {
            }
        });
        ws.holdCompletions();
        session.sendMessage("a"); // in flight: b will wait in the queue
        Thread sender = new Thread(() -> session.sendMessage("b"));
        sender.start();
        await(inCreated); // b is queued, its creation not told yet
        ws.completeNext(); // this thread writes b
        goOn.countDown();
        sender.join(5000);
        assertFalse(sender.isAlive());
        assertEquals(List.of("created a", "flushed a", "created b", "flushed b"), told);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void overPollingAGetFlushesTheQueueAndAClosePacketIsNotShown() {
        String sid = t.handshakePolling();
        EngineSession session = t.session(sid);
        session.observe(observer);

        session.sendMessage("a");
        session.sendMessage("b");
        assertEquals(List.of("created message:a", "created message:b"), observer.seen, "no poll yet: nothing flushed");
        assertEquals("4a\u001e4b", t.get(sid).bodyText());
        assertEquals(List.of("created message:a", "created message:b", "flushed [4a, 4b]", "drained"), observer.seen);
        observer.seen.clear();

        FakeHttpExchange held = t.get(sid);
        assertEquals("ok", t.post(sid, "4x\u001e1").bodyText());
        assertEquals(List.of("received message:x"), observer.seen, "the close packet ends the transport unseen");
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), t.listener(sid).closes);
        assertEquals("6", held.bodyText(), "the noop that releases the poll after a client close is no flush");
        assertEquals(List.of("received message:x"), observer.seen);
    }

    @Test
    void aV3ClientsPingIsShownThenThePongCreatedThenTheHeartbeat() {
        FakeHttpExchange hs = t.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        String sid = TestEngine.sidOf(hs.bodyText());
        EngineSession session = t.session(sid);
        assertEquals(EngineProtocol.V3, session.protocol());
        session.observe(observer);

        assertEquals("ok", t.http(FakeHttpExchange.post("EIO=3&transport=polling&sid=" + sid, "1:2")).bodyText());
        assertEquals(List.of("received ping:", "created pong:", "heartbeat"), observer.seen);
        assertEquals("1:3", t.http(FakeHttpExchange.get("EIO=3&transport=polling&sid=" + sid)).bodyText());
        assertEquals(List.of("received ping:", "created pong:", "heartbeat", "flushed [3]", "drained"), observer.seen);
    }

    @Test
    void theUpgradeProbeIsNotTheSessionsAndUpgradingComesBeforeUpgrade() {
        String sid = t.handshakePolling();
        EngineSession session = t.session(sid);
        session.observe(observer);
        RecordingListener listener = t.listener(sid);
        FakeWebSocketConnection probe = new FakeWebSocketConnection();
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        assertTrue(session.upgrading(), "a probe socket is open");
        assertEquals(List.of(), listener.upgradings, "upgrading is the probe's answer, not its arrival");

        h.onText("2probe");
        assertEquals(List.of("websocket"), listener.upgradings);
        assertEquals(List.of(), listener.upgrades);
        h.onText("5");
        assertEquals(List.of("websocket"), listener.upgrades);
        assertTrue(session.upgraded());
        assertFalse(session.upgrading());
        assertEquals(List.of(), observer.seen, "neither the probe ping nor the upgrade packet is the session's");

        h.onText("4over ws");
        assertEquals(List.of("received message:over ws"), observer.seen, "the new transport's packets are");
    }

    @Test
    void anAbandonedUpgradeIsNoLongerUnderWayAndNeverUpgraded() {
        String sid = t.handshakePolling();
        EngineSession session = t.session(sid);
        WebSocketHandler h = t.upgradeSocket(sid, new FakeWebSocketConnection());
        h.onText("2probe");
        h.onClose(1006);
        assertFalse(session.upgrading());
        assertFalse(session.upgraded());
        assertEquals(List.of("websocket"), t.listener(sid).upgradings);
        assertEquals(List.of(), t.listener(sid).upgrades);
    }

    @Test
    void withoutAnObserverNothingIsToldAndPacketsOfAClosedSessionAreNotShown() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        EngineSession session = webSocketSession(ws);
        WebSocketHandler h = session.mainSocketHandler(ws);
        assertTrue(session.isObserved());
        session.observe(null);
        assertFalse(session.isObserved());
        session.sendMessage("a");
        h.onText("4b");
        assertEquals(List.of(), observer.seen);

        session.observe(observer);
        session.close(CloseReason.FORCED_CLOSE);
        h.onText("4late");
        assertEquals(List.of(), observer.seen);
        assertEquals(EngineSession.State.CLOSED, session.state());
    }

    @Test
    void aTransportErrorSaysWhatWentWrong() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        EngineSession session = webSocketSession(ws);
        assertNull(session.closeDescription(), "none while open");
        session.mainSocketHandler(ws).onText("2"); // a v4 client must not ping
        assertEquals(List.of("received ping:"), observer.seen, "shown before the session acts on it");
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), t.listener(session.id()).closes);
        assertEquals("invalid heartbeat direction", session.closeDescription());
    }

    @Test
    void aClientCloseHasNoDescription() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        EngineSession session = webSocketSession(ws);
        session.mainSocketHandler(ws).onClose(1000);
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), t.listener(session.id()).closes);
        assertNull(session.closeDescription());
    }
}
