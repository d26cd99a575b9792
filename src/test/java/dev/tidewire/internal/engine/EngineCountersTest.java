package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The engine's counters since start: handshakes, completed upgrades, packets and their {@link Packet#wireSize()} in
 * and out as the transports carry them, and closes by reason.
 */
class EngineCountersTest {
    private final TestEngine t = TestEngine.with(b -> b.pingInterval(300).pingTimeout(200));
    private final EngineCounters counters = t.server.counters();

    @Test
    void handshakesOverEitherTransportAndOnlyCompletedUpgradesAreCounted() {
        String upgraded = t.handshakePolling();
        String probedOnly = t.handshakePolling();
        t.handshakeWebSocket(new FakeWebSocketConnection());
        assertEquals(3, counters.handshakes());

        WebSocketHandler aborted = t.upgradeSocket(probedOnly, new FakeWebSocketConnection());
        aborted.onText("2probe");
        aborted.onClose(1006);
        WebSocketHandler probe = t.upgradeSocket(upgraded, new FakeWebSocketConnection());
        probe.onText("2probe");
        assertEquals(0, counters.upgrades(), "probed is not upgraded yet");
        probe.onText("5");
        assertEquals(1, counters.upgrades());
    }

    @Test
    void packetsInAreCountedAsDecodedWithTheirWireSize() {
        String sid = t.handshakePolling();
        t.post(sid, "4hello\u001e4é\u001ebAQID"); // 6 + 2 (é is one UTF-16 char) + 3 raw bytes
        assertEquals(3, counters.packetsIn());
        assertEquals(11, counters.bytesIn());

        FakeWebSocketConnection conn = new FakeWebSocketConnection();
        WebSocketHandler ws = t.handshakeWebSocket(conn);
        ws.onText("4abc");
        ws.onBinary(new byte[] {1, 2});
        ws.onText("3");
        assertEquals(6, counters.packetsIn());
        assertEquals(11 + 4 + 2 + 1, counters.bytesIn());

        ws.onText("x"); // not an Engine.IO packet: the session closes, nothing is counted
        assertEquals(6, counters.packetsIn());
    }

    @Test
    void packetsOutAreCountedWhenHandedToThePollOrTheWebSocketNotWhenQueued() {
        FakeHttpExchange handshake = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
        String sid = TestEngine.sidOf(handshake.bodyText());
        assertEquals(1, counters.packetsOut(), "the open packet");
        long open = handshake.bodyText().length();
        assertEquals(open, counters.bytesOut());

        t.session(sid).sendMessage("ab");
        t.session(sid).sendBinary(new byte[] {1, 2, 3, 4});
        assertEquals(1, counters.packetsOut(), "queued, not yet written");
        assertEquals("4ab\u001ebAQIDBA==", t.get(sid).bodyText());
        assertEquals(3, counters.packetsOut());
        assertEquals(open + 3 + 4, counters.bytesOut(), "raw binary bytes, not its base64 form");

        FakeWebSocketConnection conn = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(conn);
        String wsSid = TestEngine.sidOf((String) conn.frames.get(0));
        t.session(wsSid).sendMessage("xyz");
        assertEquals(4, counters.packetsOut(), "the open frame is in flight, the message waits behind it");
        conn.completeNext();
        assertEquals(5, counters.packetsOut());
        assertEquals(open + 7 + ((String) conn.frames.get(0)).length() + 4, counters.bytesOut());
    }

    @Test
    void packetsDroppedWithAClosingQueueAreNotCounted() {
        String sid = t.handshakePolling();
        long before = counters.packetsOut();
        t.session(sid).sendMessage("never written");
        t.session(sid).close(CloseReason.TRANSPORT_ERROR);
        assertEquals(before, counters.packetsOut());
    }

    @Test
    void eachSessionCloseIsCountedOnceUnderItsReason() {
        String timedOut = t.handshakePolling();
        FakeWebSocketConnection conn = new FakeWebSocketConnection();
        WebSocketHandler peerClosed = t.handshakeWebSocket(conn);
        String forced = t.handshakePolling();

        peerClosed.onClose(1001);
        t.session(forced).close();
        t.get(forced); // collects the close packet
        t.clock.advance(500); // ping interval, then ping timeout for the sessions still open
        t.session(timedOut).close(CloseReason.PARSE_ERROR); // already closed: no second count

        assertEquals(1, counters.closes(CloseReason.TRANSPORT_CLOSE));
        assertEquals(1, counters.closes(CloseReason.FORCED_CLOSE));
        assertEquals(1, counters.closes(CloseReason.PING_TIMEOUT));
        assertEquals(3, Arrays.stream(CloseReason.values()).mapToLong(counters::closes).sum(), "and no other");
    }
}
