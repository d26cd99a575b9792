package dev.tidewire.internal.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fire-and-forget writes (broadcasts, room changes, sessions) issued while the command connection is down, kept
 * in order and sent once it is back, before any newer write: as the reference's node-redis keeps them in its offline
 * queue. Bounded: beyond {@link #DEFAULT_MAX_WRITES} writes or {@link #DEFAULT_MAX_BYTES} bytes of payload, newer
 * writes are refused with {@link RedisUnavailableException} and counted. Requests never come here: they fail fast.
 * <p>
 * Never blocks; Lettuce is called without the lock held. Writes that go straight out while the connection is up
 * keep the order of each caller; a write that Lettuce refuses at once (the connection just went down) is kept. A
 * write that was out on the wire when the connection went down fails and is not sent again (at most once).
 */
final class OfflineWrites {
    static final int DEFAULT_MAX_WRITES = 10_000;
    static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** Runs {@code again} later, after the delay of this attempt (0, 1, ...). */
    interface Retry {
        void later(int attempt, Runnable again);
    }

    private final Supplier<StatefulRedisConnection<String, byte[]>> connection;
    private final String uri;
    private final Retry retry;
    private final ArrayDeque<Kept<?>> kept = new ArrayDeque<>();
    private int maxWrites = DEFAULT_MAX_WRITES;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private long keptBytes;
    private boolean flushing;
    private boolean closed;
    /** This incident's counts: kept so far, sent by flushes, refused over the bound. */
    private int keptCount;
    private int sentCount;
    private int droppedCount;
    private int flushAttempts;

    OfflineWrites(Supplier<StatefulRedisConnection<String, byte[]>> connection, String uri, Retry retry) {
        this.connection = connection;
        this.uri = uri;
        this.retry = retry;
    }

    /** For tests: a smaller bound. */
    synchronized void bound(int writes, long bytes) {
        this.maxWrites = writes;
        this.maxBytes = bytes;
    }

    /**
     * A write handed to {@link #write}: its stage, which completes once the write is sent and answered, or fails
     * (refused over the bound, link closed, Redis error); and whether it was kept for later rather than sent at once.
     */
    record KeptOrSent<T>(CompletionStage<T> done, boolean kept) {
    }

    /** Sends the write now if the connection is up and nothing waits, else keeps it. */
    <T> KeptOrSent<T> write(Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> call, long bytes) {
        Kept<T> write = new Kept<>(call, bytes, new CompletableFuture<>());
        StatefulRedisConnection<String, byte[]> c;
        boolean direct;
        boolean waitingWhileUp;
        synchronized (this) {
            if (closed) return new KeptOrSent<>(CompletableFuture.failedFuture(closedException()), false);
            c = connection.get();
            boolean up = c != null && c.isOpen();
            direct = up && kept.isEmpty() && !flushing;
            waitingWhileUp = up && !direct && !flushing;
            if (!direct && !keep(write, false)) return new KeptOrSent<>(write.done, false);
        }
        boolean keptForLater = !direct;
        if (direct && !write.send(c)) {
            synchronized (this) {
                keptForLater = keep(write, false);
            }
            retry.later(0, this::flush); // in case the connection came back meanwhile
        } else if (waitingWhileUp) {
            flush(); // the connection is up but no flush started: it may have come back before this write was kept
        }
        return new KeptOrSent<>(write.done, keptForLater);
    }

    /** Under the lock: keeps the write at the end (or the head), or refuses it over the bound. */
    private boolean keep(Kept<?> write, boolean atHead) {
        if (!atHead && (kept.size() >= maxWrites || keptBytes + write.bytes > maxBytes)) {
            droppedCount++;
            write.done.completeExceptionally(new RedisUnavailableException("Redis at " + uri + " is unreachable and "
                    + kept.size() + " writes are waiting for it already: this one is dropped", null));
            return false;
        }
        if (atHead) kept.addFirst(write);
        else kept.addLast(write);
        keptBytes += write.bytes;
        if (!atHead && keptCount++ == 0) {
            Reachability.LOG.log(Level.WARNING, "Redis at {0} is unreachable: keeping broadcasts for later, up to {1} "
                    + "({2} bytes)", uri, maxWrites, maxBytes);
        }
        return true;
    }

    /**
     * Sends what was kept, in order, if the connection is up; writes issued meanwhile are kept behind. Called when a
     * connection of the link is activated; does nothing when there is nothing to send or a flush is under way.
     */
    void flush() {
        StatefulRedisConnection<String, byte[]> c;
        synchronized (this) {
            if (flushing || closed) return;
            c = connection.get();
            if (c == null || !c.isOpen()) return;
            if (kept.isEmpty()) {
                endIncident();
                return;
            }
            flushing = true;
        }
        while (true) {
            List<Kept<?>> batch;
            synchronized (this) {
                if (closed || kept.isEmpty()) {
                    flushing = false;
                    if (!closed) endIncident();
                    return;
                }
                batch = new ArrayList<>(kept);
                kept.clear();
                keptBytes = 0;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!batch.get(i).send(c)) { // down again: the rest goes back to the head, in order
                    int attempt;
                    synchronized (this) {
                        for (int j = batch.size() - 1; j >= i; j--) keep(batch.get(j), true);
                        flushing = false;
                        attempt = flushAttempts++;
                    }
                    retry.later(attempt, this::flush);
                    return;
                }
                synchronized (this) {
                    sentCount++;
                }
            }
        }
    }

    /** Under the lock: the queue is empty and the connection up. */
    private void endIncident() {
        if (sentCount > 0) {
            Reachability.LOG.log(Level.INFO, "sent {0} broadcasts kept while Redis at {1} was unreachable",
                    sentCount, uri);
        }
        if (droppedCount > 0) {
            Reachability.LOG.log(Level.WARNING, "dropped {0} broadcasts while Redis at {1} was unreachable: more than "
                    + "{2} writes ({3} bytes) were waiting for it", droppedCount, uri, maxWrites, maxBytes);
        }
        keptCount = 0;
        sentCount = 0;
        droppedCount = 0;
        flushAttempts = 0;
    }

    /** Fails what is still kept. */
    void close() {
        List<Kept<?>> lost;
        int dropped;
        synchronized (this) {
            closed = true;
            lost = new ArrayList<>(kept);
            kept.clear();
            keptBytes = 0;
            dropped = droppedCount;
        }
        if (!lost.isEmpty() || dropped > 0) {
            Reachability.LOG.log(Level.WARNING, "closed the link to Redis at {0} with {1} broadcasts still waiting "
                    + "for it (lost) and {2} dropped", uri, lost.size(), dropped);
        }
        for (Kept<?> write : lost) write.done.completeExceptionally(closedException());
    }

    private RedisUnavailableException closedException() {
        return new RedisUnavailableException("the link to Redis at " + uri + " is closed", null);
    }

    private record Kept<T>(Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> call, long bytes,
                           CompletableFuture<T> done) {
        /**
         * Sends; false when Lettuce refused the write at once, so it never went out: the connection is down, which
         * Lettuce's own check may tell a moment before {@code isOpen()} does. The write can then be kept and sent
         * again without being sent twice.
         */
        boolean send(StatefulRedisConnection<String, byte[]> c) {
            RedisFuture<T> sent;
            try {
                sent = call.apply(c.async());
            } catch (RuntimeException e) {
                return false;
            }
            if (sent.toCompletableFuture().isCompletedExceptionally()) return false;
            sent.whenComplete((result, error) -> {
                if (error != null) done.completeExceptionally(error);
                else done.complete(result);
            });
            return true;
        }
    }
}
