package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.Scheduler;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The engine's timer thread: a small scheduled pool of our own, with threads from the container's
 * {@code ManagedThreadFactory} (so they carry the application's context) when there is one.
 *
 * <p>Not the container's managed scheduled executor: measured on WildFly 39, every task it schedules is wrapped with
 * context handles and a cancelled task stays queued until its due time, so each connection kept two to three
 * heartbeat tasks alive (a few KB of heap per idle connection, plus churn). Here cancelled timers leave the queue
 * at once. The pool is stopped when the application is undeployed.
 */
final class Schedulers {
    private static final Logger LOG = System.getLogger("tidewire.engine");
    private static final String MANAGED_THREADS = "java:comp/DefaultManagedThreadFactory";

    private Schedulers() {
    }

    /** A scheduler and the executor to stop with it. */
    record Owned(Scheduler scheduler, ScheduledThreadPoolExecutor ownExecutor) implements AutoCloseable {
        /** Lets tasks already due soon run (the deferred closes of {@link OffDispatchClose}), then stops the pool. */
        @Override
        public void close() {
            ownExecutor.shutdown();
            try {
                if (!ownExecutor.awaitTermination(OffDispatchClose.GRACE_MILLIS + 800, TimeUnit.MILLISECONDS)) {
                    LOG.log(Level.DEBUG, "timers still pending at shutdown; cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ownExecutor.shutdownNow();
            }
        }
    }

    static Owned create() {
        ThreadFactory base = managedThreadFactory();
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = base.newThread(r);
            t.setName("tidewire-timer");
            t.setDaemon(true);
            return t;
        });
        own.setRemoveOnCancelPolicy(true);
        return new Owned(new ExecutorScheduler(own), own);
    }

    private static ThreadFactory managedThreadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup(MANAGED_THREADS);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.DEBUG, "no managed thread factory ({0}); plain threads for timers", e.toString());
            return Thread::new;
        }
    }
}
