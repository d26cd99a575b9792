package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeTest {
    private final TestEngine t = TestEngine.with(b -> b.upgradeTimeout(1000));
    private final String sid = t.handshakePolling();
    private final FakeWebSocketConnection probe = new FakeWebSocketConnection();

    private EngineSession session() {
        return t.session(sid);
    }

    private static void assertBadRequest(FakeHttpExchange ex) {
        RequestErrorsTest.assertError(ex, 400, 3, "Bad request");
    }

    @Test
    void fullUpgradeSwitchesToWebSocketAndFlushesQueuedPacketsInOrder() {
        FakeHttpExchange pending = t.get(sid);
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        assertTrue(probe.frames.isEmpty(), "nothing is written on the probe before 2probe");
        assertFalse(pending.answered());

        h.onText("2probe");
        assertEquals(List.of("3probe"), probe.frames);
        assertEquals("6", pending.bodyText(), "the pending GET is released with a noop");
        assertEquals("polling", session().transport());

        session().sendMessage("a");
        FakeHttpExchange during = t.get(sid);
        assertEquals("4a", during.bodyText(), "a GET while probed carries what is queued, as the reference's flush");
        FakeHttpExchange idle = t.get(sid);
        assertFalse(idle.answered(), "an idle one waits a moment for packets");
        t.clock.advance(EngineSession.PROBED_NOOP_MILLIS);
        assertEquals("6", idle.bodyText(), "and is then released with a noop, so that the client can switch");

        FakeHttpExchange last = t.get(sid);
        assertEquals(List.of(), t.listener(sid).upgrades);
        h.onText("5");
        assertEquals(List.of("websocket"), t.listener(sid).upgrades, "the layer above hears of the upgrade");
        assertEquals("6", last.bodyText(), "the upgrade releases a poll still pending");
        session().sendMessage("a2");
        session().sendBinary(new byte[] {7});
        assertEquals("websocket", session().transport());
        assertEquals(3, probe.frames.size(), probe.frames.toString());
        assertEquals("4a2", probe.frames.get(1));
        assertArrayEquals(new byte[] {7}, (byte[]) probe.frames.get(2));
        assertFalse(probe.isClosed());

        assertBadRequest(t.get(sid));
        assertBadRequest(t.post(sid, "4x"));
        assertTrue(session().isOpen());

        session().sendMessage("over ws");
        assertEquals("4over ws", probe.frames.get(3));
        h.onText("4from client");
        h.onBinary(new byte[] {1});
        assertEquals(List.of("from client"), t.listener(sid).messages);
        assertEquals(1, t.listener(sid).binaries.size());
    }

    @Test
    void aClientThatNeverSwitchesKeepsItsHeartbeatOverPollingAndOnlyTheProbeCloses() {
        TestEngine e = TestEngine.with(b -> b.pingInterval(300).pingTimeout(200).upgradeTimeout(1000));
        String id = e.handshakePolling();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = e.upgradeSocket(id, ws);
        h.onText("2probe");
        int pings = 0;
        for (int elapsed = 0; elapsed < 900; elapsed += EngineSession.PROBED_NOOP_MILLIS) { // it keeps polling
            FakeHttpExchange poll = e.get(id);
            e.clock.advance(EngineSession.PROBED_NOOP_MILLIS);
            assertTrue(poll.answered(), "a poll while probed is answered at the latest after the noop delay");
            if (poll.bodyText().equals("2")) {
                pings++;
                assertEquals("ok", e.post(id, "3").bodyText());
            } else {
                assertEquals("6", poll.bodyText());
            }
        }
        assertEquals(3, pings, "every ping went out over polling");
        e.clock.advance(100);
        assertTrue(ws.isClosed(), "the upgrade timed out: only the probe socket is closed");
        assertTrue(e.session(id).isOpen(), "the session goes on over polling");
        FakeHttpExchange get = e.get(id);
        e.session(id).sendMessage("still here");
        assertEquals("4still here", get.bodyText());
    }

    @Test
    void packetsQueuedBeforeTheProbeAreFlushedOverWebSocket() {
        session().sendMessage("one");
        session().sendMessage("two");
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onText("5");
        assertEquals(List.of("3probe", "4one", "4two"), probe.frames);
        assertEquals(0, session().queuedPackets());
    }

    @Test
    void postsStillWorkWhileProbing() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        assertEquals("ok", t.post(sid, "4via polling").bodyText());
        assertEquals(List.of("via polling"), t.listener(sid).messages);
        h.onText("5");
        assertEquals("websocket", session().transport());
    }

    @Test
    void otherPacketBeforeProbeAbortsTheUpgrade() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("4hello");
        assertTrue(probe.isClosed());
        assertTrue(probe.frames.isEmpty());
        assertPollingGoesOn();
    }

    @Test
    void upgradeBeforeProbeAbortsTheUpgrade() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("5");
        assertTrue(probe.isClosed());
        assertPollingGoesOn();
    }

    @Test
    void otherPacketAfterProbeAbortsTheUpgradeAndPollingResumes() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        session().sendMessage("queued while probing");
        h.onText("4not an upgrade");
        assertTrue(probe.isClosed());
        assertEquals(List.of("3probe"), probe.frames);
        assertEquals("4queued while probing", t.get(sid).bodyText(), "polling delivers what was queued");
        assertPollingGoesOn();
        h.onText("5"); // too late: the probe is gone
        assertEquals("polling", session().transport());
    }

    @Test
    void binaryFrameDuringProbeAbortsTheUpgrade() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onBinary(new byte[] {1});
        assertTrue(probe.isClosed());
        assertPollingGoesOn();
    }

    @Test
    void probeClosedByPeerAbortsTheUpgrade() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onClose(1006);
        assertPollingGoesOn();
        assertTrue(t.listener(sid).closes.isEmpty());
    }

    @Test
    void upgradeTimeoutClosesTheProbe() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        t.clock.advance(999);
        assertFalse(probe.isClosed());
        t.clock.advance(1);
        assertTrue(probe.isClosed());
        assertPollingGoesOn();
    }

    @Test
    void upgradeTimeoutWithoutProbeClosesTheProbeSocket() {
        t.upgradeSocket(sid, probe);
        t.clock.advance(1000);
        assertTrue(probe.isClosed());
        assertPollingGoesOn();
    }

    @Test
    void completedUpgradeCancelsTheUpgradeTimer() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onText("5");
        t.clock.advance(5000);
        assertFalse(probe.isClosed());
        assertEquals("websocket", session().transport());
    }

    @Test
    void secondWebSocketWhileUpgradingIsClosedImmediately() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        FakeWebSocketConnection second = new FakeWebSocketConnection();
        WebSocketHandler h2 = t.upgradeSocket(sid, second);
        assertTrue(second.isClosed());
        assertTrue(second.frames.isEmpty());
        h2.onText("2probe"); // ignored
        assertTrue(second.frames.isEmpty());

        assertFalse(probe.isClosed(), "the first probe is unaffected");
        h.onText("2probe");
        h.onText("5");
        assertEquals("websocket", session().transport());
    }

    @Test
    void secondWebSocketAfterUpgradeIsClosedImmediately() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onText("5");
        FakeWebSocketConnection second = new FakeWebSocketConnection();
        t.upgradeSocket(sid, second);
        assertTrue(second.isClosed());
        assertFalse(probe.isClosed());
        assertTrue(session().isOpen());
    }

    @Test
    void webSocketWithSidOfAWebSocketSessionIsClosedImmediately() {
        FakeWebSocketConnection first = new FakeWebSocketConnection();
        t.handshakeWebSocket(first);
        String wsSid = TestEngine.sidOf((String) first.frames.get(0));
        FakeWebSocketConnection second = new FakeWebSocketConnection();
        t.upgradeSocket(wsSid, second);
        assertTrue(second.isClosed());
        assertFalse(first.isClosed());
    }

    @Test
    void upgradeIsRefusedWhenUpgradesAreOff() {
        TestEngine noUp = TestEngine.with(b -> b.allowUpgrades(false));
        String id = noUp.handshakePolling();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        noUp.upgradeSocket(id, ws);
        assertTrue(ws.isClosed());
        assertEquals("polling", noUp.session(id).transport());
    }

    @Test
    void peerCloseOfTheUpgradedSocketIsTransportClose() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        h.onText("5");
        h.onClose(1001);
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), t.listener(sid).closes);
        assertFalse(session().isOpen());
    }

    @Test
    void upgradeAfterAnAbortedOneSucceeds() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("4oops");
        FakeWebSocketConnection again = new FakeWebSocketConnection();
        WebSocketHandler h2 = t.upgradeSocket(sid, again);
        h2.onText("2probe");
        h2.onText("5");
        assertEquals("websocket", session().transport());
        assertEquals(List.of("3probe"), again.frames);
    }

    @Test
    void sessionCloseDuringProbeClosesTheProbe() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        session().close(CloseReason.FORCED_CLOSE);
        assertTrue(probe.isClosed());
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void gracefulCloseAfterTheProbeIsDeliveredOverTheUpgradedSocket() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        session().sendMessage("last words");
        session().close();
        assertFalse(probe.isClosed(), "the client is already switching to this socket");
        assertTrue(t.server.session(sid) != null, "the session waits for the upgrade to complete");

        h.onText("5");
        assertEquals(List.of("3probe", "4last words"), probe.frames);
        assertEquals(1000, probe.closeCode, "closed once the queue drained");
        assertFalse(session().isOpen());
        assertEquals(null, t.server.session(sid));
        assertEquals(0, t.clock.pendingTimers());
    }

    @Test
    void gracefulCloseAfterTheProbeEndsAtTheUpgradeTimeoutWhenTheClientNeverSwitches() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        h.onText("2probe");
        session().close();
        t.clock.advance(1000);
        assertTrue(probe.isClosed());
        assertEquals("1", t.get(sid).bodyText(), "a client that goes back to polling is told to close");
        assertEquals(null, t.server.session(sid));
    }

    @Test
    void gracefulCloseBeforeTheProbeClosesTheProbeAndGoesOverPolling() {
        WebSocketHandler h = t.upgradeSocket(sid, probe);
        session().close();
        assertTrue(probe.isClosed());
        assertEquals("1", t.get(sid).bodyText());
        assertEquals(null, t.server.session(sid));
    }

    private void assertPollingGoesOn() {
        assertTrue(session().isOpen());
        assertEquals("polling", session().transport());
        FakeHttpExchange get = t.get(sid);
        assertFalse(get.answered(), "an idle GET is held again");
        session().sendMessage("still polling");
        assertEquals("4still polling", get.bodyText());
        assertEquals("ok", t.post(sid, "4ack").bodyText());
    }
}
