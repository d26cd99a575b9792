package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.Scheduler;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;

/**
 * When a WebSocket may be closed, on containers whose close finishes the upgrade request on the calling thread.
 *
 * <p>Payara (Tyrus on Grizzly) keeps the upgrade request suspended while the socket lives; closing the socket resumes
 * it, and Grizzly then runs the request's completion synchronously on the thread that called close. Two moments are
 * unsafe, and each was seen to lose the close frame and to finish the request twice, which broke later requests on
 * other connections inside the container:
 * <ul>
 *   <li>on any request's dispatch thread (a close from a servlet, a JAX-RS resource, or the endpoint's own
 *       {@code onOpen}, which Tyrus calls from within the upgrade request's dispatch);</li>
 *   <li>from any thread while the upgrade request's dispatch is still unwinding, just after {@code onOpen}.</li>
 * </ul>
 * So a server-initiated close runs on the engine's timer thread, no earlier than {@link #GRACE_MILLIS} after the
 * socket opened; a close the client starts in that window is held until it ends (see {@link #holdUntilSafe}). The
 * container offers no signal for the end of the upgrade dispatch, hence a grace period: that unwinding is a few
 * microseconds of CPU work, and the grace leaves a wide margin for a descheduled thread on a loaded machine.
 */
final class OffDispatchClose {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    static final long GRACE_MILLIS = 200;

    private final Scheduler scheduler;
    private final long notBefore;

    private OffDispatchClose(Scheduler scheduler, long notBefore) {
        this.scheduler = scheduler;
        this.notBefore = notBefore;
    }

    /** For a socket opening now. */
    static OffDispatchClose openingNow(Scheduler scheduler) {
        return new OffDispatchClose(scheduler, scheduler.nowMillis() + GRACE_MILLIS);
    }

    /** Runs {@code close} on the timer thread once the grace has passed; at once here if the timers are stopped. */
    void close(Runnable close) {
        long delay = Math.max(0, notBefore - scheduler.nowMillis());
        try {
            scheduler.schedule(close, delay);
        } catch (RejectedExecutionException e) { // undeploying: no request of this application is dispatched now
            close.run();
        }
    }

    /**
     * Called where the container is about to close a socket the client closed: waits out the rest of the grace, at
     * most {@link #GRACE_MILLIS}, and only for a client that closes as soon as it has opened.
     */
    void holdUntilSafe() {
        long wait = holdMillis();
        if (wait == 0) return;
        LOG.log(Level.TRACE, "client closed {0} ms before the upgrade is safe to finish; holding", wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long {@link #holdUntilSafe} would wait now. */
    long holdMillis() {
        return Math.max(0, notBefore - scheduler.nowMillis());
    }
}
