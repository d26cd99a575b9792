package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundQueueBoundTest {

    // ---------------------------------------------------------------- the queue itself

    @Test
    void queueOffersAtomicallyWithinBothBounds() {
        OutboundQueue q = new OutboundQueue(3, 100);
        assertTrue(q.offer(List.of(Packet.message("ab"), Packet.message("cd")))); // 3 + 3 bytes
        assertEquals(2, q.size());
        assertEquals(6, q.bytes());
        assertFalse(q.offer(List.of(Packet.message("x"), Packet.message("y"))), "would make 4 packets");
        assertEquals(2, q.size(), "a refused batch leaves the queue unchanged");
        assertEquals(6, q.bytes());
        assertTrue(q.offer(List.of(Packet.message("e"))));
        assertEquals(Packet.message("ab"), q.poll());
        assertEquals(5, q.bytes());
        assertEquals(List.of(Packet.message("cd"), Packet.message("e")), q.drain());
        assertTrue(q.isEmpty());
        assertEquals(0, q.bytes());
    }

    @Test
    void queueBoundsBytes() {
        OutboundQueue q = new OutboundQueue(100, 10);
        assertTrue(q.offer(List.of(Packet.message("abcd")))); // 5
        assertTrue(q.offer(List.of(Packet.binaryMessage(new byte[5])))); // 10
        assertFalse(q.offer(List.of(Packet.message(""))));
        q.clear();
        assertEquals(0, q.size());
        assertTrue(q.offer(List.of(Packet.message("123456789"))));
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void exceedingMaxOutboundPacketsClosesWithOutboundQueueFull() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundPackets(3));
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        assertTrue(s.sendMessage("1"));
        assertTrue(s.sendMessage("2"));
        assertTrue(s.sendMessage("3"));
        assertFalse(s.sendMessage("4"));
        assertFalse(s.isOpen());
        assertEquals(List.of(CloseReason.OUTBOUND_QUEUE_FULL), t.listener(sid).closes);
        assertEquals("outbound queue full", t.listener(sid).closes.get(0).wireName());
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void exceedingMaxOutboundBytesClosesWithOutboundQueueFull() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundBytes(10));
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        assertTrue(s.sendMessage("abcd")); // 5
        assertTrue(s.sendMessage("efgh")); // 10
        assertFalse(s.sendMessage("i"));
        assertEquals(List.of(CloseReason.OUTBOUND_QUEUE_FULL), t.listener(sid).closes);
    }

    @Test
    void aReadingPollingClientNeverFillsTheQueue() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundPackets(2));
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        for (int i = 0; i < 10; i++) {
            s.sendMessage("m" + i);
            s.sendMessage("n" + i);
            assertEquals("4m" + i + "\u001e4n" + i, t.get(sid).bodyText());
        }
        assertTrue(s.isOpen());
    }

    @Test
    void slowWebSocketClientIsClosedWhenTheQueueOverflows() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundPackets(5));
        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        EngineSession s = t.session(sid);
        for (int i = 0; i < 5; i++) assertTrue(s.sendMessage("m" + i));
        assertFalse(s.sendMessage("overflow"));
        assertEquals(List.of(CloseReason.OUTBOUND_QUEUE_FULL), t.listener(sid).closes);
        assertTrue(slow.isClosed());
        assertEquals(1, slow.frames.size(), "only the open packet was written");
    }

    @Test
    void framesInFlightStillCountAgainstTheByteBound() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundBytes(300)); // room for the open packet
        FakeWebSocketConnection slow = new FakeWebSocketConnection().window(16).holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        slow.completeNext(); // the open packet
        EngineSession s = t.session(sid);
        String half = "x".repeat(149); // 150 bytes on the wire
        assertTrue(s.sendMessage(half)); // handed to the container at once
        assertTrue(s.sendMessage(half)); // 300
        assertEquals(0, s.queuedPackets());
        assertFalse(s.sendMessage("i"), "written bytes are freed only when the container completes them");
        assertEquals(List.of(CloseReason.OUTBOUND_QUEUE_FULL), t.listener(sid).closes);
    }

    @Test
    void completedFramesFreeTheirBytes() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundBytes(300));
        FakeWebSocketConnection slow = new FakeWebSocketConnection().window(16).holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        slow.completeNext();
        EngineSession s = t.session(sid);
        String half = "x".repeat(149);
        for (int i = 0; i < 20; i++) {
            assertTrue(s.sendMessage(half));
            assertTrue(s.sendMessage(half));
            slow.completeNext();
            slow.completeNext();
        }
        assertTrue(s.isOpen());
    }

    @Test
    void overflowingBatchClosesTheSession() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundPackets(3));
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        assertTrue(s.sendMessage("1"));
        assertFalse(s.send(List.of(Packet.message("2"), Packet.message("3"), Packet.message("4")), false));
        assertEquals(List.of(CloseReason.OUTBOUND_QUEUE_FULL), t.listener(sid).closes);
    }

    // ---------------------------------------------------------------- volatile

    @Test
    void volatileIsDroppedWhenNoPollIsPending() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        assertFalse(s.send(List.of(Packet.message("v")), true));
        assertEquals(0, s.queuedPackets());
        assertTrue(s.isOpen());

        FakeHttpExchange get = t.get(sid);
        assertTrue(s.send(List.of(Packet.message("v")), true));
        assertEquals("4v", get.bodyText());
    }

    @Test
    void volatileIsDroppedBehindQueuedPackets() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        s.sendMessage("queued");
        assertFalse(s.send(List.of(Packet.message("v")), true));
        assertEquals("4queued", t.get(sid).bodyText());
    }

    @Test
    void volatileOverWebSocketIsDroppedWhileASendIsInFlight() {
        TestEngine t = new TestEngine();
        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        EngineSession s = t.session(sid);
        assertFalse(s.send(List.of(Packet.message("v1")), true));
        slow.completeNext();
        assertTrue(s.send(List.of(Packet.message("v2")), true));
        assertEquals(List.of("4v2"), slow.textFrames().subList(1, slow.textFrames().size()));
        assertFalse(s.send(List.of(Packet.message("v3")), true));
        assertTrue(s.isOpen());
        assertEquals(0, s.queuedPackets());
    }

    @Test
    void whileProbingAVolatileGoesToAWaitingPollAndIsDroppedWithoutOne() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        WebSocketHandler h = t.upgradeSocket(sid, new FakeWebSocketConnection());
        h.onText("2probe");
        FakeHttpExchange waiting = t.get(sid); // held for a moment, as the reference holds it
        assertTrue(t.session(sid).send(List.of(Packet.message("v")), true), "a poll is waiting: written to it");
        assertEquals("4v", waiting.bodyText());
        assertFalse(t.session(sid).send(List.of(Packet.message("w")), true), "no poll waiting: dropped");
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void volatileSendsNeverCloseTheSessionEvenAtTheBound() {
        TestEngine t = TestEngine.with(b -> b.maxOutboundPackets(2).maxOutboundBytes(10));
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        for (int i = 0; i < 100; i++) assertFalse(s.send(List.of(Packet.message("v" + i)), true));
        assertTrue(s.isOpen());

        t.get(sid); // a pending poll: the transport could write at once, but the packet is over the bound
        assertFalse(s.send(List.of(Packet.message("x".repeat(20))), true));
        assertFalse(s.send(List.of(Packet.message("a"), Packet.message("b"), Packet.message("c")), true));
        assertTrue(s.isOpen(), "a dropped volatile packet does not close the session");
        assertTrue(t.listener(sid).closes.isEmpty());
    }

    @Test
    void volatileAfterCloseReturnsFalse() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        t.get(sid);
        t.session(sid).close(CloseReason.TRANSPORT_ERROR);
        assertFalse(t.session(sid).send(List.of(Packet.message("v")), true));
    }
}
