package dev.tidewire.jakarta;

import dev.tidewire.engine.Scheduler;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Finds the container's managed scheduled executor, or makes a private one when there is none (plain servlet containers). */
final class Schedulers {
    private static final Logger LOG = System.getLogger("tidewire.engine");
    private static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    private Schedulers() {
    }

    /** A scheduler and, when it is ours, the executor to stop with it. */
    record Owned(Scheduler scheduler, ScheduledThreadPoolExecutor ownExecutor) implements AutoCloseable {
        @Override
        public void close() {
            if (ownExecutor != null) ownExecutor.shutdownNow();
        }
    }

    static Owned create() {
        try {
            ScheduledExecutorService managed = (ScheduledExecutorService) new InitialContext().lookup(MANAGED);
            return new Owned(new ExecutorScheduler(managed), null);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.INFO, "no managed scheduled executor ({0}); using a private timer thread", e.toString());
            ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "tidewire-timer");
                t.setDaemon(true);
                return t;
            });
            own.setRemoveOnCancelPolicy(true);
            return new Owned(new ExecutorScheduler(own), own);
        }
    }
}
