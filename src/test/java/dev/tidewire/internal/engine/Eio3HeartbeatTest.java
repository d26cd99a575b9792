package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The v3 heartbeat: the client pings, the server answers with a pong and sends no pings of its own; a client silent
 * for pingInterval + pingTimeout since its last ping is gone.
 */
class Eio3HeartbeatTest {
    private final TestEngine t = TestEngine.with(b -> b.allowEIO3(true).pingInterval(300).pingTimeout(200));

    private String handshake() {
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        assertEquals(200, ex.status(), ex.bodyText());
        return TestEngine.sidOf(ex.bodyText());
    }

    private FakeHttpExchange get(String sid) {
        return t.http(FakeHttpExchange.get("EIO=3&transport=polling&sid=" + sid));
    }

    private FakeHttpExchange post(String sid, String body) {
        return t.http(FakeHttpExchange.post("EIO=3&transport=polling&sid=" + sid, body));
    }

    @Test
    void theServerSendsNoPings() {
        String sid = handshake();
        FakeHttpExchange held = get(sid);
        assertEquals(List.of(500L), t.clock.pendingDueTimes(), "only the timeout, at pingInterval + pingTimeout");
        t.clock.advance(499);
        assertFalse(held.answered());
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void aSilentClientTimesOutAtPingIntervalPlusPingTimeout() {
        String sid = handshake();
        FakeHttpExchange held = get(sid);
        t.clock.advance(499);
        assertTrue(t.session(sid).isOpen());
        t.clock.advance(1);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertEquals("1:1", held.bodyText());
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void aPingIsAnsweredWithAPongAndRestartsTheTimeout() {
        String sid = handshake();
        FakeHttpExchange held = get(sid);
        t.clock.advance(400);
        assertEquals("ok", post(sid, "1:2").bodyText());
        assertEquals("1:3", held.bodyText());
        assertEquals(List.of(900L), t.clock.pendingDueTimes(), "500 ms from the ping");
        t.clock.advance(499);
        assertTrue(t.session(sid).isOpen());
        t.clock.advance(1);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
    }

    /** As the reference: the pong carries no data, whatever the ping carried. */
    @Test
    void thePongCarriesNoData() {
        String sid = handshake();
        post(sid, "6:2hello");
        assertEquals("1:3", get(sid).bodyText());
    }

    @Test
    void messagesDoNotCountAsPings() {
        String sid = handshake();
        t.clock.advance(400);
        post(sid, "5:4busy");
        t.clock.advance(100);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
    }

    @Test
    void aPongFromAV3ClientIsTheWrongDirection() {
        String sid = handshake();
        post(sid, "1:3");
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), t.listener(sid).closes);
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void aPingFromAV4ClientIsStillTheWrongDirection() {
        String sid = t.handshakePolling();
        t.post(sid, "2");
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), t.listener(sid).closes);
    }

    @Test
    void pingsKeepASessionAliveIndefinitely() {
        String sid = handshake();
        for (int i = 0; i < 50; i++) {
            t.clock.advance(450);
            post(sid, "1:2");
            assertEquals("1:3", get(sid).bodyText(), "cycle " + i);
        }
        assertTrue(t.session(sid).isOpen());
        assertEquals(1, t.clock.pendingTimers());
    }

    @Test
    void overWebSocket() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.openWebSocket("EIO=3&transport=websocket", ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        t.clock.advance(450);
        h.onText("2");
        assertEquals(List.of("3"), ws.textFrames().subList(1, ws.textFrames().size()));
        t.clock.advance(499);
        assertEquals(2, ws.frames.size(), "no ping from the server");
        t.clock.advance(1);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertTrue(ws.isClosed());
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void noTimersAreLeftAfterAnyClose() {
        String a = handshake();
        t.session(a).close(CloseReason.TRANSPORT_ERROR);
        assertEquals(0, t.clock.pendingTimers());

        String b = handshake();
        post(b, "1:2");
        post(b, "1:1");
        assertEquals(0, t.clock.pendingTimers());

        String c = handshake();
        t.session(c).close(); // graceful, no GET: only the close timer
        assertEquals(List.of(30_000L), t.clock.pendingDueTimes());
        get(c);
        assertEquals(0, t.clock.pendingTimers());
        assertEquals(0, t.server.sessionCount());
    }
}
