package dev.tidewire.internal.engine;

/** Timers and the clock; the container's scheduled executor in production, a manual clock in tests. */
public interface Scheduler {
    /** Runs {@code task} once after {@code delayMillis}. */
    Timer schedule(Runnable task, long delayMillis);

    long nowMillis();

    /** A scheduled task that can be cancelled; cancelling twice or after it ran is harmless. */
    interface Timer {
        void cancel();
    }
}
