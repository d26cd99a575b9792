package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two heartbeats on their own, against a recording peer and the manual clock. */
class HeartbeatPoliciesTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final EngineOptions options = EngineOptions.builder().pingInterval(300).pingTimeout(200).build();
    private final List<String> heard = new ArrayList<>();
    private final HeartbeatPeer peer = new HeartbeatPeer() {
        public void sendHeartbeat(Packet packet) {
            heard.add(clock.nowMillis() + " " + packet.encodedText());
        }

        public void heartbeatTimedOut() {
            heard.add(clock.nowMillis() + " timeout");
        }
    };

    @Test
    void serverPingsThenWaitsForThePong() {
        Heartbeat h = new ServerPingHeartbeat(clock, options, peer);
        h.start();
        clock.advance(300);
        assertEquals(List.of("300 2"), heard);
        clock.advance(100);
        assertTrue(h.onPong());
        clock.advance(300);
        assertEquals(List.of("300 2", "700 2"), heard);
        clock.advance(200);
        assertEquals(List.of("300 2", "700 2", "900 timeout"), heard);
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void serverPingRefusesClientPings() {
        Heartbeat h = new ServerPingHeartbeat(clock, options, peer);
        h.start();
        assertFalse(h.onPing());
        assertEquals(List.of(), heard);
    }

    @Test
    void clientPingAnswersAndRestartsTheTimeout() {
        Heartbeat h = new ClientPingHeartbeat(clock, options, peer);
        h.start();
        clock.advance(450);
        assertTrue(h.onPing());
        assertEquals(List.of("450 3"), heard);
        clock.advance(499);
        assertEquals(List.of("450 3"), heard, "no ping of its own, no timeout yet");
        clock.advance(1);
        assertEquals(List.of("450 3", "950 timeout"), heard);
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void clientPingRefusesPongs() {
        Heartbeat h = new ClientPingHeartbeat(clock, options, peer);
        h.start();
        assertFalse(h.onPong());
        assertEquals(List.of(), heard);
    }

    @Test
    void aStoppedHeartbeatIsSilentAndHoldsNoTimer() {
        for (HeartbeatPolicy policy : List.<HeartbeatPolicy>of(ServerPingHeartbeat::new, ClientPingHeartbeat::new)) {
            Heartbeat h = policy.create(clock, options, peer);
            h.start();
            h.stop();
            assertEquals(0, clock.pendingTimers());
            h.onPing();
            h.onPong();
            h.start();
            clock.advance(10_000);
            assertEquals(List.of(), heard);
            assertEquals(0, clock.pendingTimers());
        }
    }

    /** A timer already running when the session stops it must not reach the peer (the timer thread raced the close). */
    @Test
    void aTimerFiringAfterStopDoesNothing() {
        List<Runnable> captured = new ArrayList<>();
        Scheduler capturing = new Scheduler() {
            public Timer schedule(Runnable task, long delayMillis) {
                captured.add(task);
                return () -> { }; // cancelling does not stop a task that is already running
            }

            public long nowMillis() {
                return 0;
            }
        };
        Heartbeat server = new ServerPingHeartbeat(capturing, options, peer);
        server.start();
        server.stop();
        captured.forEach(Runnable::run);
        Heartbeat client = new ClientPingHeartbeat(capturing, options, peer);
        client.start();
        client.stop();
        captured.forEach(Runnable::run);
        assertEquals(List.of(), heard);
    }
}
