package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private final TestEngine t = TestEngine.with(b -> b.pingInterval(300).pingTimeout(200));
    private final List<Long> closedAt = new ArrayList<>();

    private String pollingSession() {
        String sid = t.handshakePolling();
        t.session(sid).setListener(new SessionListener() {
            public void onMessage(EngineSession s, String text) {
            }

            public void onBinaryMessage(EngineSession s, byte[] data) {
            }

            public void onClose(EngineSession s, CloseReason reason) {
                t.listener(sid).onClose(s, reason);
                closedAt.add(t.clock.nowMillis());
            }
        });
        return sid;
    }

    @Test
    void pingIsSentExactlyAtPingInterval() {
        String sid = pollingSession();
        assertEquals(1, t.clock.pendingTimers());
        FakeHttpExchange get = t.get(sid);
        t.clock.advance(299);
        assertFalse(get.answered());
        t.clock.advance(1);
        assertEquals("2", get.bodyText());
        assertEquals(300, t.clock.nowMillis());
    }

    @Test
    void pingIsBufferedUntilTheNextPoll() {
        String sid = pollingSession();
        t.clock.advance(300);
        assertEquals("2", t.get(sid).bodyText());
    }

    /** A slow POST: its body never completes, so its pong never arrives; the close also frees the POST. */
    @Test
    void aStalledPostIsAbortedWhenTheHeartbeatGivesUp() {
        String sid = pollingSession();
        t.get(sid);
        t.clock.advance(300); // ping, answered by nobody: the client is busy trickling its POST
        FakeHttpExchange post = FakeHttpExchange.post(TestEngine.pollQuery(sid), "3").holdBody();
        t.http(post);
        t.clock.advance(199);
        assertFalse(post.answered(), "the POST is still being read");
        t.clock.advance(1);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertTrue(post.aborted, "the stalled POST is abandoned with its session");
        assertEquals(400, post.status());
        assertEquals("close", post.response().headers().get("Connection"));
        assertEquals(0, t.clock.pendingTimers());
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void aPostReadInFullIsNotAbortedByALaterClose() {
        String sid = pollingSession();
        FakeHttpExchange post = t.post(sid, "4hello");
        t.session(sid).close(CloseReason.TRANSPORT_ERROR);
        assertFalse(post.aborted);
        assertEquals(200, post.status());
    }

    @Test
    void missingPongClosesWithPingTimeoutAtPingIntervalPlusPingTimeout() {
        String sid = pollingSession();
        t.get(sid);
        t.clock.advance(300); // ping
        t.get(sid); // the client polls again but never answers
        t.clock.advance(199);
        assertTrue(t.session(sid).isOpen());
        t.clock.advance(1);
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertEquals("ping timeout", t.listener(sid).closes.get(0).wireName());
        assertEquals(List.of(500L), closedAt, "closed at 300 + 200, not 300 + 300");
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void pingTimeoutAnswersThePendingPollWithClose() {
        String sid = pollingSession();
        t.clock.advance(300);
        t.get(sid); // receives the ping
        FakeHttpExchange held = t.get(sid);
        t.clock.advance(200);
        assertEquals("1", held.bodyText());
    }

    @Test
    void pongSchedulesTheNextPingPingIntervalAfterThePong() {
        String sid = pollingSession();
        t.clock.advance(300);
        assertEquals("2", t.get(sid).bodyText());
        t.clock.advance(100); // t = 400
        assertEquals("ok", t.post(sid, "3").bodyText());
        assertEquals(List.of(700L), t.clock.pendingDueTimes(), "only the next ping, at pong + pingInterval");

        FakeHttpExchange get = t.get(sid);
        t.clock.advance(200); // t = 600: the old timeout would have fired here, the old interval would ping
        assertTrue(t.session(sid).isOpen());
        assertFalse(get.answered());
        t.clock.advance(99);
        assertFalse(get.answered());
        t.clock.advance(1); // t = 700
        assertEquals("2", get.bodyText());
        t.clock.advance(199);
        assertTrue(t.session(sid).isOpen());
        t.clock.advance(1); // t = 900
        assertEquals(List.of(900L), closedAt);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
    }

    @Test
    void heartbeatKeepsASessionAliveIndefinitely() {
        String sid = pollingSession();
        for (int i = 0; i < 50; i++) {
            t.clock.advance(300);
            assertEquals("2", t.get(sid).bodyText(), "cycle " + i);
            t.clock.advance(150);
            t.post(sid, "3");
        }
        assertTrue(t.session(sid).isOpen());
        assertEquals(1, t.clock.pendingTimers());
    }

    @Test
    void pongWithoutPingIsIgnored() {
        String sid = pollingSession();
        t.clock.advance(100);
        t.post(sid, "3");
        assertEquals(List.of(300L), t.clock.pendingDueTimes(), "an unsolicited pong does not move the ping");
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void messagesDoNotCountAsPongs() {
        String sid = pollingSession();
        t.clock.advance(300);
        t.post(sid, "4busy");
        t.clock.advance(200);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
    }

    @Test
    void webSocketHeartbeat() {
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.handshakeWebSocket(ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        t.clock.advance(299);
        assertEquals(1, ws.frames.size());
        t.clock.advance(1);
        assertEquals("2", ws.frames.get(1));
        t.clock.advance(50);
        h.onText("3");
        t.clock.advance(299);
        assertEquals(2, ws.frames.size());
        t.clock.advance(1); // 650 = 350 + 300
        assertEquals("2", ws.frames.get(2));
        t.clock.advance(200);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertTrue(ws.isClosed());
        assertEquals(1000, ws.closeCode);
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void pingTimeoutCountsEvenWhenThePingCannotBeWritten() {
        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        t.clock.advance(500);
        assertEquals(List.of(CloseReason.PING_TIMEOUT), t.listener(sid).closes);
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void noTimersAreLeftAfterAnyClose() {
        String a = t.handshakePolling();
        t.session(a).close(CloseReason.TRANSPORT_ERROR);
        assertEquals(0, t.clock.pendingTimers());

        String b = t.handshakePolling();
        t.clock.advance(300); // ping timeout armed
        t.post(b, "1");
        assertEquals(0, t.clock.pendingTimers());

        String c = t.handshakePolling();
        t.session(c).close(); // graceful, no GET: close timer armed
        assertTrue(t.clock.pendingTimers() > 0);
        t.get(c);
        assertEquals(0, t.clock.pendingTimers());

        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.handshakeWebSocket(ws);
        h.onClose(1000);
        assertEquals(0, t.clock.pendingTimers());

        String d = t.handshakePolling();
        WebSocketHandler probe = t.upgradeSocket(d, new FakeWebSocketConnection());
        probe.onText("2probe");
        t.session(d).close(CloseReason.FORCED_CLOSE);
        assertEquals(0, t.clock.pendingTimers());
        assertEquals(0, t.server.sessionCount());
    }
}
