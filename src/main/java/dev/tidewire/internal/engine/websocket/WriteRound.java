package dev.tidewire.internal.engine.websocket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds back the writes a container I/O thread makes while it handles what one connection read (the answers to that
 * connection, a broadcast's fan-out to the others), until the thread has handled every connection that was ready in
 * its current round: then each connection written to writes what it got in one go. A receiver of several broadcasts
 * sent in one round gets them in one system call instead of one each, and so do the answers to what was read.
 * The thread's round ends when the thread, an {@link Executor} (XNIO's I/O threads are), runs the task queued here,
 * which it does after the ready connections; on a thread that is no executor the writes go out when the reading ends.
 * A namespace's queue of cluster messages uses a round the same way around consecutive remote broadcasts.
 *
 * <p>A round belongs to one thread and is used only on it, so it needs no locking.
 */
public final class WriteRound implements Runnable {
    /** A connection that holds frames back and writes them when told. */
    public interface Deferred {
        void writeDeferred();
    }

    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    private static final ThreadLocal<WriteRound> ROUNDS = new ThreadLocal<>();

    private final Executor thread;
    private final ArrayList<Deferred> pending = new ArrayList<>();
    private int readings;
    private boolean queued;

    private WriteRound(Executor thread) {
        this.thread = thread;
    }

    /**
     * The calling thread starts handling what a connection read; pair with {@link #endReading()}.
     *
     * @return the calling thread's round
     */
    public static WriteRound startReading() {
        WriteRound round = ROUNDS.get();
        if (round == null) {
            Thread current = Thread.currentThread();
            round = new WriteRound(current instanceof Executor executor ? executor : null);
            ROUNDS.set(round);
        }
        round.readings++;
        return round;
    }

    /** @return the calling thread's round while it handles what a connection read, else {@code null} */
    public static WriteRound ofReadingThread() {
        WriteRound round = ROUNDS.get();
        return round != null && round.readings > 0 ? round : null;
    }

    /** The connection holds frames back: it is told to write them when this round ends. Call once per holding. */
    public void hold(Deferred connection) {
        pending.add(connection);
    }

    /** The reading started last ended: the held writes go out at the end of the round (or now, without an executor). */
    public void endReading() {
        if (--readings > 0 || pending.isEmpty() || queued) return;
        if (thread == null) {
            run();
            return;
        }
        try {
            thread.execute(this);
            queued = true;
        } catch (RejectedExecutionException e) { // the I/O thread is stopping
            run();
        }
    }

    /**
     * The round ends: every connection that held frames writes them. No reading is under way now, so what these
     * writes set off (the next frames of a queue) goes out at once instead of being held here again.
     */
    @Override
    public void run() {
        queued = false;
        for (Deferred connection : pending) {
            try {
                connection.writeDeferred();
            } catch (RuntimeException e) { // one connection's failure must not keep the others' frames back
                LOG.log(Level.WARNING, "writing held frames failed", e);
            }
        }
        pending.clear();
    }
}
