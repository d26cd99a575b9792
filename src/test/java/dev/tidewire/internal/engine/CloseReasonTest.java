package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseReasonTest {
    private final TestEngine t = TestEngine.with(b -> b.closeTimeout(1000));

    @Test
    void wireNamesMatchTheReference() {
        assertEquals("transport close", CloseReason.TRANSPORT_CLOSE.wireName());
        assertEquals("transport error", CloseReason.TRANSPORT_ERROR.wireName());
        assertEquals("ping timeout", CloseReason.PING_TIMEOUT.wireName());
        assertEquals("parse error", CloseReason.PARSE_ERROR.wireName());
        assertEquals("forced close", CloseReason.FORCED_CLOSE.wireName());
        assertEquals("server shutting down", CloseReason.SERVER_SHUTTING_DOWN.wireName());
        assertEquals("outbound queue full", CloseReason.OUTBOUND_QUEUE_FULL.wireName());
        assertEquals("forced close", CloseReason.FORCED_CLOSE.toString());
    }

    // ---------------------------------------------------------------- server close() over polling

    @Test
    void closeAnswersThePendingGetWithClose() {
        String sid = t.handshakePolling();
        FakeHttpExchange get = t.get(sid);
        t.session(sid).close();
        assertEquals("1", get.bodyText());
        assertEquals(200, get.status());
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
        assertNull(t.server.session(sid));
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void closeDeliversQueuedPacketsThenCloseOnTheNextGet() {
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        s.sendMessage("a");
        s.sendBinary(new byte[] {1});
        s.close();
        assertFalse(s.isOpen());
        assertFalse(s.sendMessage("too late"), "nothing is queued after close()");
        assertTrue(t.listener(sid).closes.isEmpty(), "closed only once the client has read the close");

        // as the reference: the queued packets drain in one poll, the close packet comes in the next (in one
        // payload, socket.io-client would act on the close before the messages it dispatches on nextTick)
        assertEquals("4a\u001ebAQ==", t.get(sid).bodyText());
        assertTrue(t.listener(sid).closes.isEmpty());
        assertEquals("1", t.get(sid).bodyText());
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
        assertEquals(0, t.clock.pendingTimers());
        RequestErrorsTest.assertError(t.get(sid), 400, 1, "Session ID unknown");
    }

    @Test
    void closeWithNothingQueuedEndsTheNextGetWithClose() {
        String sid = t.handshakePolling();
        t.session(sid).close();
        String body = t.get(sid).bodyText();
        // PROTOCOL.md shows node's "6\u001e1"; a lone "1" means the same to every client
        assertTrue(body.equals("1") || body.equals("6\u001e1"), body);
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
    }

    @Test
    void closeWithoutAnyGetFinishesAfterCloseTimeout() {
        String sid = t.handshakePolling();
        t.session(sid).sendMessage("never read");
        t.session(sid).close();
        t.clock.advance(999);
        assertTrue(t.listener(sid).closes.isEmpty());
        assertTrue(t.server.session(sid) != null);
        t.clock.advance(1);
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
        assertNull(t.server.session(sid));
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void closeIsIdempotentAndOnCloseRunsOnce() {
        String sid = t.handshakePolling();
        EngineSession s = t.session(sid);
        s.close();
        s.close();
        s.close(CloseReason.TRANSPORT_ERROR);
        s.close();
        t.clock.advance(5000);
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
    }

    @Test
    void abruptCloseDiscardsQueuedPackets() {
        String sid = t.handshakePolling();
        t.session(sid).sendMessage("dropped");
        t.session(sid).close(CloseReason.TRANSPORT_ERROR);
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), t.listener(sid).closes);
        RequestErrorsTest.assertError(t.get(sid), 400, 1, "Session ID unknown");
    }

    // ---------------------------------------------------------------- server close() over WebSocket

    @Test
    void webSocketCloseFrameFollowsTheDrainedQueue() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        EngineSession s = t.session(sid);
        s.sendMessage("a");
        s.sendMessage("b");
        s.close();
        assertFalse(ws.isClosed(), "not before the queue has drained");
        assertFalse(s.sendMessage("c"));

        ws.completeNext(); // open
        ws.completeNext(); // a
        assertFalse(ws.isClosed());
        ws.completeNext(); // b
        assertEquals(List.of("4a", "4b"), ws.textFrames().subList(1, 3));
        assertEquals(3, ws.frames.size());
        assertTrue(ws.isClosed());
        assertEquals(1000, ws.closeCode);
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
    }

    @Test
    void webSocketCloseWithEmptyQueueClosesAtOnce() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.handshakeWebSocket(ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        t.session(sid).close();
        assertEquals(1000, ws.closeCode);
        assertEquals(1, ws.frames.size());
        h.onClose(1000); // the peer answers the close frame
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void upgradedSessionClosesOverTheWebSocket() {
        String sid = t.handshakePolling();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.upgradeSocket(sid, ws);
        h.onText("2probe");
        h.onText("5");
        t.session(sid).sendMessage("bye");
        t.session(sid).close();
        assertEquals(List.of("3probe", "4bye"), ws.frames);
        assertEquals(1000, ws.closeCode);
        assertEquals(List.of(CloseReason.FORCED_CLOSE), t.listener(sid).closes);
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void shutdownClosesEverySessionWithServerShuttingDown() {
        String polling = t.handshakePolling();
        FakeHttpExchange get = t.get(polling);
        String idle = t.handshakePolling();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        String wsSid = TestEngine.sidOf((String) ws.frames.get(0));

        t.server.shutdown();

        assertEquals("1", get.bodyText());
        assertEquals(1001, ws.closeCode);
        for (String sid : List.of(polling, idle, wsSid)) {
            assertEquals(List.of(CloseReason.SERVER_SHUTTING_DOWN), t.listener(sid).closes, sid);
        }
        assertEquals("server shutting down", t.listener(polling).closes.get(0).wireName());
        assertEquals(0, t.server.sessionCount());
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void afterShutdownNewRequestsAreRefused() {
        t.server.shutdown();
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
        assertEquals(400, ex.status());
        assertTrue(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket")) != null);
        assertEquals(0, t.server.sessionCount());
    }
}
