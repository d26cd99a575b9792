package dev.tidewire.server;

import dev.tidewire.engine.Scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scheduler} on a manual clock: {@link #advance(long)} runs every timer that falls due, in due-time order
 * (ties in scheduling order), including timers scheduled by the timers it runs.
 */
final class ManualClock implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long seq;

    private final class Task implements Timer {
        final long due;
        final long order;
        final Runnable body;
        boolean done;

        Task(long due, long order, Runnable body) {
            this.due = due;
            this.order = order;
            this.body = body;
        }

        @Override
        public void cancel() {
            synchronized (ManualClock.this) {
                done = true;
            }
        }
    }

    @Override
    public synchronized Timer schedule(Runnable task, long delayMillis) {
        Task t = new Task(now + Math.max(0, delayMillis), seq++, task);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    /** Moves time forward by {@code millis}, running due timers outside the lock. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next = null;
            synchronized (this) {
                for (Task t : tasks) {
                    if (t.done || t.due > target) continue;
                    if (next == null || t.due < next.due || (t.due == next.due && t.order < next.order)) next = t;
                }
                if (next == null) {
                    now = target;
                    tasks.removeIf(t -> t.done);
                    return;
                }
                now = next.due;
                next.done = true;
            }
            next.body.run();
        }
    }

    synchronized int pendingTimers() {
        return (int) tasks.stream().filter(t -> !t.done).count();
    }
}
