package dev.tidewire.server;

import dev.tidewire.internal.engine.websocket.WriteRound;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Runs one client's tasks in submission order, one at a time, on a shared executor: clients run in parallel,
 * the events of one client never overtake each other. Bounded, so a flooding client cannot grow the heap.
 */
final class SerialExecutor implements Executor {
    private static final int FAIR_SHARE = 64;

    private final Executor delegate;
    private final int maxPending;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(4);
    private boolean running;

    private final UnaryOperator<Runnable> perTask;

    /**
     * @param perTask wraps each queued task when it runs (e.g. a CDI request context per event), not each drain,
     *                since one drain may run several tasks; tasks run inline by {@link #runInlineIfIdle} are not wrapped
     */
    SerialExecutor(Executor delegate, int maxPending, UnaryOperator<Runnable> perTask) {
        this.delegate = delegate;
        this.maxPending = maxPending;
        this.perTask = perTask;
    }

    SerialExecutor(Executor delegate, int maxPending) {
        this(delegate, maxPending, UnaryOperator.identity());
    }

    /**
     * Marks a task that only writes to clients, running no application code (a broadcast received from the cluster):
     * what consecutive such tasks of one drain write to a WebSocket client waits for the last of them, then goes out
     * in one write, as a local broadcast's frames wait for the end of an I/O round. Any other task, which may run
     * application code that waits for a client's answer, first lets the held frames go.
     */
    static Runnable writesBatched(Runnable task) {
        return new WritesBatched(task);
    }

    private record WritesBatched(Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    /** Tasks queued and not started yet. */
    synchronized int pending() {
        return tasks.size();
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the client has too many tasks pending */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (tasks.size() >= maxPending) {
                throw new java.util.concurrent.RejectedExecutionException("too many pending events for one client");
            }
            tasks.add(task);
            if (running) return;
            running = true;
        }
        startDrain();
    }

    /** Hands a drain to the shared executor; if it refuses, this client's queue is dropped and the refusal thrown. */
    private void startDrain() {
        try {
            delegate.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (this) {
                running = false;
                tasks.clear();
            }
            throw e;
        }
    }

    /**
     * Drops the tasks not started yet and queues {@code last} after the running one, past the bound: the client is
     * being closed, and its close listeners still run in its order, after the handler in flight.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the shared executor refuses to start a drain
     */
    void replaceQueuedWith(Runnable last) {
        synchronized (this) {
            tasks.clear();
            tasks.add(last);
            if (running) return;
            running = true;
        }
        startDrain();
    }

    /**
     * Queues {@code task} after the others even past the bound: for a client's one close notice, which a flood must
     * not take the place of.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the shared executor refuses to start a drain
     */
    void executePastBound(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) return;
            running = true;
        }
        startDrain();
    }

    /**
     * Runs {@code task} on the calling thread when nothing of this client is queued or running (so order holds);
     * otherwise queues it like {@link #execute}.
     */
    void runInlineIfIdle(Runnable task) {
        synchronized (this) {
            if (running || !tasks.isEmpty()) {
                execute(task);
                return;
            }
            running = true;
        }
        try {
            task.run();
        } finally {
            boolean more;
            synchronized (this) {
                more = !tasks.isEmpty();
                if (!more) running = false;
            }
            if (more) delegate.execute(this::drain); // tasks queued meanwhile were not started: start them now
        }
    }

    private void drain() {
        WriteRound heldWrites = null;
        try {
            for (int ran = 0; ; ran++) {
                if (ran == FAIR_SHARE) { // let other clients' tasks run on this thread too
                    delegate.execute(this::drain);
                    return;
                }
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                if (next instanceof WritesBatched) {
                    if (heldWrites == null) heldWrites = WriteRound.startReading();
                } else if (heldWrites != null) {
                    heldWrites.endReading();
                    heldWrites = null;
                }
                try {
                    perTask.apply(next).run();
                } catch (RuntimeException | Error e) {
                    // keep this client's queue alive (running stays true otherwise), then let the executor report it
                    delegate.execute(this::drain);
                    throw e;
                }
            }
        } finally {
            // a later drain may already write to the same clients: their frames queue behind these, so order holds
            if (heldWrites != null) heldWrites.endReading();
        }
    }
}
