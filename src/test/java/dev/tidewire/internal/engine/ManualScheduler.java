package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} on a manual clock. {@link #advance(long)} moves time forward and runs every due timer in time
 * order (ties in scheduling order), including timers that running timers schedule, each at its own due time.
 */
public final class ManualScheduler implements Scheduler {
    private final List<Entry> entries = new ArrayList<>();
    private long now;
    private long seq;
    private boolean fireOnArm;

    private final class Entry implements Timer {
        final long due;
        final long order;
        final Runnable task;
        boolean cancelled;
        boolean ran;

        Entry(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                cancelled = true;
            }
        }

        boolean pending() {
            return !cancelled && !ran;
        }
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        Entry e;
        boolean fireNow;
        synchronized (this) {
            if (delayMillis < 0) throw new IllegalArgumentException("negative delay " + delayMillis);
            e = new Entry(now + delayMillis, seq++, task);
            fireNow = fireOnArm;
            if (fireNow) e.ran = true;
            else entries.add(e);
        }
        if (fireNow) task.run();
        return e;
    }

    /**
     * While on, a timer runs inside {@code schedule}, before it returns: a timer thread that fires before the code
     * that armed the timer takes its next step, which a loaded machine can do with any short timeout.
     */
    public synchronized void fireTimersAsTheyAreArmed(boolean on) {
        fireOnArm = on;
    }

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    /** Moves the clock forward by {@code millis}, running due timers (outside this object's lock). */
    public void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = entries.stream().filter(Entry::pending).filter(e -> e.due <= target)
                        .min(Comparator.<Entry>comparingLong(e -> e.due).thenComparingLong(e -> e.order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    entries.removeIf(e -> !e.pending());
                    return;
                }
                now = next.due;
                next.ran = true;
            }
            next.task.run();
        }
    }

    /** Timers scheduled, not yet run and not cancelled. */
    public synchronized int pendingTimers() {
        return (int) entries.stream().filter(Entry::pending).count();
    }

    /** Due times of the pending timers, ascending. */
    synchronized List<Long> pendingDueTimes() {
        return entries.stream().filter(Entry::pending).map(e -> e.due).sorted().toList();
    }
}
