package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code connectTimeout}: a client that joins no namespace in time is closed; once it joined, never. */
class ConnectTimeoutTest {

    @Test
    void aClientThatJoinsNoNamespaceIsClosedAfterTheDefault45Seconds() {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer c = t.connect();
        t.clock.advance(25_000);
        assertEquals("2", c.lastText());
        c.send("3"); // heartbeat alive: only the connect timeout may close it
        t.clock.advance(19_999);
        assertFalse(c.isClosed());
        t.clock.advance(1);
        assertTrue(c.isClosed());
        assertEquals(0, t.io.clientCount());
        assertEquals(0, t.engine.sessionCount());
    }

    @Test
    void aConfiguredTimeout() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        SioTestServer.Peer c = t.connect();
        t.clock.advance(4_999);
        assertFalse(c.isClosed());
        t.clock.advance(1);
        assertTrue(c.isClosed());
    }

    @Test
    void aClientThatJoinedANamespaceStaysOpen() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        SioTestServer.Peer c = t.connect();
        t.clock.advance(4_000);
        c.connectTo("/");
        t.clock.advance(10_000);
        assertFalse(c.isClosed());
    }

    @Test
    void onlyTheFirstConnectionCounts() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        SioTestServer.Peer c = t.connect();
        c.connectTo("/");
        c.send("41"); // no namespace left: the connection stays anyway
        t.clock.advance(10_000);
        assertFalse(c.isClosed());
    }

    @Test
    void aRefusedOrInvalidConnectDoesNotStopTheTimer() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        t.io.use(s -> {
            throw new ConnectionRefusedException("no");
        });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.send("40/unknown,");
        assertEquals("44/unknown,{\"message\":\"Invalid namespace\"}", c.lastText());
        t.clock.advance(5_000);
        assertTrue(c.isClosed());
    }

    @Test
    void eachClientHasItsOwnDeadline() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        SioTestServer.Peer first = t.connect();
        t.clock.advance(3_000);
        SioTestServer.Peer second = t.connect();
        t.clock.advance(2_000);
        assertTrue(first.isClosed());
        assertFalse(second.isClosed());
        t.clock.advance(3_000);
        assertTrue(second.isClosed());
    }

    @Test
    void theTimerIsCancelledWhenTheClientLeavesFirst() {
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withConnectTimeout(5_000));
        SioTestServer.Peer c = t.connect();
        c.closeTransport();
        assertEquals(0, t.io.clientCount());
        t.clock.advance(5_000); // nothing to close any more, and no failure
        assertEquals(0, t.clock.pendingTimers());
    }
}
