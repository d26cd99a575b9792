package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.server.Namespace;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Broadcasts {@code server_stats} to the admin namespace at once and then every {@value #INTERVAL_MILLIS} ms, as the
 * reference does, on the engine's scheduler, until stopped. The next report is armed before this one is sent, so a
 * report that fails does not end the series.
 */
final class StatsReporter {
    static final long INTERVAL_MILLIS = 2000;
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private final Namespace admin;
    private final Scheduler scheduler;
    private final ServerStats stats;
    private Scheduler.Timer next;
    private boolean stopped;

    StatsReporter(Namespace admin, Scheduler scheduler, ServerStats stats) {
        this.admin = admin;
        this.scheduler = scheduler;
        this.stats = stats;
    }

    void start() {
        report();
    }

    private void report() {
        synchronized (this) {
            if (stopped) return;
            next = scheduler.schedule(this::report, INTERVAL_MILLIS);
        }
        try {
            admin.emit("server_stats", stats.next(scheduler.nowMillis()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "server_stats not sent", e);
        }
    }

    synchronized void stop() {
        stopped = true;
        if (next != null) next.cancel();
    }
}
