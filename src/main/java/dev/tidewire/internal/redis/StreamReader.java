package dev.tidewire.internal.redis;

import dev.tidewire.server.cluster.ClusterMessage;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Reads the stream for every namespace of this node, in a loop of blocking {@code XREAD}s on a connection of its own
 * (the command connection never blocks), and hands each entry to its namespace's adapter with the entry id as its
 * offset. It starts after the stream's last entry at the time it first connects, as the reference starts at
 * {@code $}, and from then on never skips an entry: after a failure (Redis down), it goes on from the last id read,
 * after a growing delay. A malformed entry is logged and skipped.
 * <p>
 * Everything runs on Lettuce's threads: the completion of one read sends the next.
 */
final class StreamReader {
    private final RedisLink link;
    private final String stream;
    private final int readCount;
    private final Map<String, BiConsumer<ClusterMessage, String>> namespaces = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    /** The id of the last entry read; the next read asks for the entries after it. */
    private volatile String lastId;
    private int failures;
    private volatile boolean closed;

    StreamReader(RedisLink link, RedisStreamsOptions options) {
        this.link = link;
        this.stream = options.streamName();
        this.readCount = options.readCount();
        // a read waits up to BLOCK_MILLIS for entries: its time limit must be longer
        link.connectForBlockingReads(Duration.ofMillis(RedisStreamsOptions.BLOCK_MILLIS + options.requestsTimeoutMillis()),
                this::connected);
    }

    /** Completes once the reader knows where it starts: every entry added from then on reaches the namespaces. */
    CompletionStage<Void> started() {
        return started;
    }

    /** @throws IllegalStateException when the namespace has a reader already (one factory per server) */
    void register(String namespace, BiConsumer<ClusterMessage, String> handler) {
        if (namespaces.putIfAbsent(namespace, handler) != null) {
            throw new IllegalStateException(namespace + " reads the stream already: give each server its own "
                    + "RedisStreamsAdapterFactory");
        }
    }

    void unregister(String namespace) {
        namespaces.remove(namespace);
    }

    void close() {
        closed = true;
    }

    private void connected(StatefulRedisConnection<String, byte[]> connection) {
        this.connection = connection;
        next();
    }

    /** Finds where to start (the first time), then reads. */
    private void next() {
        if (closed) return;
        if (lastId == null) findStart();
        else read();
    }

    /** After the stream's last entry, or from the beginning of a stream that has none yet. */
    private void findStart() {
        try {
            connection.async().xrevrange(stream, Range.unbounded(), Limit.from(1)).whenComplete((last, error) -> {
                if (error != null) {
                    failed(error);
                    return;
                }
                lastId = last.isEmpty() ? "0-0" : last.get(0).getId();
                started.complete(null);
                recovered();
                next();
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void read() {
        try {
            connection.async().xread(XReadArgs.Builder.block(RedisStreamsOptions.BLOCK_MILLIS).count(readCount),
                    XReadArgs.StreamOffset.from(stream, lastId)).whenComplete((entries, error) -> {
                if (error != null) {
                    failed(error);
                    return;
                }
                recovered();
                if (entries != null) deliver(entries);
                next();
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void deliver(List<StreamMessage<String, byte[]>> entries) {
        for (StreamMessage<String, byte[]> entry : entries) {
            lastId = entry.getId();
            try {
                ClusterMessage message = StreamsWire.fromEntry(entry.getBody());
                if (message == null) continue;
                BiConsumer<ClusterMessage, String> handler = namespaces.get(message.nsp());
                if (handler != null) handler.accept(message, entry.getId());
            } catch (MalformedMessageException | IllegalArgumentException e) {
                Reachability.LOG.log(Level.WARNING, "skipped stream entry {0} of {1}: {2}", entry.getId(), stream,
                        e.getMessage());
            } catch (RuntimeException e) {
                Reachability.LOG.log(Level.WARNING, "stream entry " + entry.getId() + " of " + stream
                        + " could not be handled", e);
            }
        }
    }

    private void failed(Throwable error) {
        if (closed) return;
        link.readFailed(error);
        int attempt;
        synchronized (this) {
            attempt = failures++;
        }
        link.retryLater(attempt, this::next);
    }

    private synchronized void recovered() {
        failures = 0;
    }
}
