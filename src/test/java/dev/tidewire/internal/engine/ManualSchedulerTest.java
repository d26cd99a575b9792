package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake clock the other tests rely on. */
class ManualSchedulerTest {

    @Test
    void runsDueTimersInTimeOrderIncludingTimersScheduledByTimers() {
        ManualScheduler clock = new ManualScheduler();
        List<String> log = new ArrayList<>();
        clock.schedule(() -> log.add("b@" + clock.nowMillis()), 200);
        clock.schedule(() -> {
            log.add("a@" + clock.nowMillis());
            clock.schedule(() -> log.add("c@" + clock.nowMillis()), 50); // due at 150, before b
        }, 100);
        clock.schedule(() -> log.add("tie@" + clock.nowMillis()), 200);
        clock.advance(250);
        assertEquals(List.of("a@100", "c@150", "b@200", "tie@200"), log);
        assertEquals(250, clock.nowMillis());
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void cancelledAndFutureTimersDoNotRun() {
        ManualScheduler clock = new ManualScheduler();
        List<String> log = new ArrayList<>();
        Scheduler.Timer x = clock.schedule(() -> log.add("x"), 10);
        clock.schedule(() -> log.add("y"), 30);
        x.cancel();
        x.cancel();
        assertEquals(1, clock.pendingTimers());
        clock.advance(29);
        assertEquals(List.of(), log);
        assertEquals(List.of(30L), clock.pendingDueTimes());
        clock.advance(1);
        assertEquals(List.of("y"), log);
        assertEquals(0, clock.pendingTimers());
    }
}
