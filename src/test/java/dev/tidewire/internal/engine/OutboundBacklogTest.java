package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine's unwritten outbound bytes, read when asked: queued packets and WebSocket frames not yet written. */
class OutboundBacklogTest {
    private final TestEngine t = new TestEngine();

    @Test
    void totalAndLargestOverSessionsOfQueuedAndInFlightBytes() {
        assertEquals(new OutboundBacklog(0, 0), t.server.outboundBacklog());
        String small = t.handshakePolling();
        String large = t.handshakePolling();
        t.session(small).sendMessage("ab");
        t.session(large).sendMessage("abcdefg");
        t.session(large).sendMessage("hi");
        assertEquals(new OutboundBacklog(3 + 8 + 3, 11), t.server.outboundBacklog());

        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        t.handshakeWebSocket(slow);
        String sid = TestEngine.sidOf((String) slow.frames.get(0));
        slow.completeNext(); // the open packet
        t.session(sid).sendMessage("0123456789abcdef"); // in flight: handed over, not yet written
        assertEquals(new OutboundBacklog(14 + 17, 17), t.server.outboundBacklog());

        slow.completeNext();
        t.get(large);
        assertEquals(new OutboundBacklog(3, 3), t.server.outboundBacklog(), "written bytes leave the backlog");
    }
}
