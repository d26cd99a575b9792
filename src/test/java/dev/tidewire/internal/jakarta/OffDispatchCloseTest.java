package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.internal.engine.Scheduler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffDispatchCloseTest {
    private final ManualScheduler timers = new ManualScheduler();
    private final List<String> closed = new ArrayList<>();

    @Test
    void aCloseAsTheSocketOpensWaitsForTheGraceOnTheTimerThread() {
        OffDispatchClose off = OffDispatchClose.openingNow(timers);
        off.close(() -> closed.add("closed"));
        assertTrue(closed.isEmpty(), "never on the calling thread");
        timers.advance(OffDispatchClose.GRACE_MILLIS - 1);
        assertTrue(closed.isEmpty(), "not before the grace has passed");
        timers.advance(1);
        assertEquals(List.of("closed"), closed);
    }

    @Test
    void aLaterCloseStillLeavesTheCallingThreadButWaitsNoLonger() {
        OffDispatchClose off = OffDispatchClose.openingNow(timers);
        timers.advance(5_000);
        off.close(() -> closed.add("closed"));
        assertTrue(closed.isEmpty(), "never on the calling thread");
        assertEquals(1, timers.pendingTimers());
        timers.advance(0);
        assertEquals(List.of("closed"), closed);
    }

    @Test
    void withTheTimersStoppedTheCloseRunsAtOnce() {
        Scheduler stopped = new Scheduler() {
            @Override
            public Timer schedule(Runnable task, long delayMillis) {
                throw new RejectedExecutionException("stopped");
            }

            @Override
            public long nowMillis() {
                return 0;
            }
        };
        OffDispatchClose.openingNow(stopped).close(() -> closed.add("closed"));
        assertEquals(List.of("closed"), closed);
    }

    @Test
    void aClientCloseIsHeldOnlyForWhatIsLeftOfTheGrace() {
        OffDispatchClose off = OffDispatchClose.openingNow(timers);
        assertEquals(OffDispatchClose.GRACE_MILLIS, off.holdMillis());
        timers.advance(150);
        assertEquals(OffDispatchClose.GRACE_MILLIS - 150, off.holdMillis());
        timers.advance(OffDispatchClose.GRACE_MILLIS);
        assertEquals(0, off.holdMillis());
    }
}
