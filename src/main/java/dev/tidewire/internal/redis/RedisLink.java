package dev.tidewire.internal.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.Event;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.Disposable;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * This node's link to Redis, shared by every namespace: one Lettuce client with its own threads, one connection for
 * publishing and commands, one pub/sub connection (none for a link that only publishes, the emitter's). Nothing here
 * blocks its caller but {@link #close()}.
 * <p>
 * The Redis Streams adapter also has one connection of its own for blocking stream reads
 * ({@link #connectForBlockingReads}), on a second client that shares the threads.
 * <p>
 * Lettuce reconnects a lost connection by itself and resubscribes; this class also retries a first connection that
 * failed (Redis down when the application started) and subscribes again whatever a namespace asked for while
 * disconnected. While a connection is down, requests are refused at once rather than queued, so that cross-node
 * operations fail fast with a {@link RedisUnavailableException}; fire-and-forget writes (broadcasts, room changes,
 * stream entries, sessions) are kept, bounded, and sent in order once the command connection is back
 * ({@link OfflineWrites}), as the reference's node-redis keeps them.
 */
final class RedisLink {
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    /** Reconnection delays, as short as the reference's node-redis keeps them: 50 ms doubling up to 2 s. */
    private static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2,
            TimeUnit.MILLISECONDS);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 2;

    private final RedisURI uri;
    private final String safeUri;
    private final ClientResources resources;
    private final RedisClient client;
    private final long requestsTimeoutMillis;
    private volatile RedisClient blockingClient;
    private final Reachability reachability;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Disposable connectionEvents;
    private final boolean subscribing;
    private volatile StatefulRedisConnection<String, byte[]> commands;
    private volatile StatefulRedisPubSubConnection<String, byte[]> pubSub;
    private volatile boolean closed;
    private final OfflineWrites offline;

    RedisLink(RedisAdapterOptions options) {
        this(options, true);
    }

    /** @param subscribing whether to open the pub/sub connection too: a link that only publishes needs none */
    RedisLink(RedisAdapterOptions options, boolean subscribing) {
        this(options.redisUri(), options.redactedUri(), options.requestsTimeoutMillis(), subscribing,
                subscribing ? 2 : 1);
    }

    /**
     * @param subscribing whether to open the pub/sub connection
     * @param connections how many connections the link counts before it says Redis is reachable again
     */
    RedisLink(RedisURI uri, String safeUri, long requestsTimeoutMillis, boolean subscribing, int connections) {
        this.uri = uri;
        this.safeUri = safeUri;
        this.requestsTimeoutMillis = requestsTimeoutMillis;
        this.subscribing = subscribing;
        this.reachability = new Reachability(safeUri, connections);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .threadFactoryProvider(RedisLink::threadFactory)
                .reconnectDelay(RECONNECT_DELAY)
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(requestsTimeoutMillis)))
                .build());
        this.offline = new OfflineWrites(() -> commands, safeUri, this::retryLater);
        this.connectionEvents = resources.eventBus().get().subscribe(this::onConnectionEvent);
        connect(0, "commands", c -> client.connectAsync(CODEC, c), this::commandsConnected);
        if (subscribing) {
            connect(0, "pub/sub", c -> client.connectPubSubAsync(CODEC, c), this::pubSubConnected);
        }
    }

    /** Lettuce's threads, named as Tidewire's own ("tidewire-redis-…"), daemons: they never hold the JVM up. */
    private static DefaultThreadFactory threadFactory(String poolName) {
        String name = poolName.startsWith("lettuce-") ? poolName.substring("lettuce-".length()) : poolName;
        return new DefaultThreadFactory("tidewire-redis-" + name, true);
    }

    private <C extends StatefulConnection<?, ?>> void connect(int attempt, String what,
                                                   Function<RedisURI, ConnectionFuture<C>> connector,
                                                   Consumer<C> connected) {
        if (closed) return;
        connector.apply(uri).whenComplete((connection, error) -> {
            if (error != null) {
                reachability.connectFailed(error);
                retryLater(attempt, () -> connect(attempt + 1, what, connector, connected));
            } else if (closed) {
                connection.closeAsync();
            } else {
                connected.accept(connection);
            }
        });
    }

    /** Runs {@code again} on Lettuce's threads after the reconnection delay of this attempt (0, 1, ...). */
    void retryLater(int attempt, Runnable again) {
        if (closed) return;
        long delay = RECONNECT_DELAY.createDelay(attempt + 1L).toMillis();
        try {
            resources.eventExecutorGroup().schedule(again, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) { // the executor is shutting down: the link is closing
            Reachability.LOG.log(Level.DEBUG, "no further attempt: {0}", e.toString());
        }
    }

    private void commandsConnected(StatefulRedisConnection<String, byte[]> connection) {
        commands = connection;
        offline.flush(); // what was kept before the first connection
    }

    private void pubSubConnected(StatefulRedisPubSubConnection<String, byte[]> connection) {
        connection.addListener(subscriptions);
        pubSub = connection;
        subscribeAll();
    }

    private void onConnectionEvent(Event event) {
        if (closed) return;
        if (event instanceof ConnectionActivatedEvent activated) {
            reachability.activated(activated.localAddress());
            subscribeAll(); // what was asked while this connection was down
            offline.flush(); // what was kept while the command connection was down, if it is this one
        } else if (event instanceof ConnectionDeactivatedEvent deactivated) {
            reachability.deactivated(deactivated.localAddress());
        }
    }

    /**
     * (Re)subscribes every pattern and channel a namespace listens to; Redis ignores repeated subscriptions. Patterns
     * first: once another node counts this one on a request channel, its broadcasts reach this one too.
     */
    private void subscribeAll() {
        StatefulRedisPubSubConnection<String, byte[]> p = pubSub;
        if (p == null || closed) return;
        String[] patterns = subscriptions.patterns().toArray(String[]::new);
        String[] channels = subscriptions.channels().toArray(String[]::new); // one command: all at once
        if (patterns.length > 0) p.async().psubscribe(patterns);
        if (channels.length > 0) p.async().subscribe(channels);
    }

    // ---------------------------------------------------------------- for the adapters

    void subscribe(String channel, Consumer<byte[]> handler) {
        requireSubscribing();
        subscriptions.addChannel(channel, handler);
        StatefulRedisPubSubConnection<String, byte[]> p = pubSub;
        if (p != null) p.async().subscribe(channel); // if refused, subscribeAll sends it once connected
    }

    void subscribePattern(String pattern, Consumer<byte[]> handler) {
        requireSubscribing();
        subscriptions.addPattern(pattern, handler);
        StatefulRedisPubSubConnection<String, byte[]> p = pubSub;
        if (p != null) p.async().psubscribe(pattern);
    }

    private void requireSubscribing() {
        if (!subscribing) throw new IllegalStateException("this Redis link only publishes");
    }

    void unsubscribe(String channel) {
        subscriptions.removeChannel(channel);
        StatefulRedisPubSubConnection<String, byte[]> p = pubSub;
        if (p != null && !closed) p.async().unsubscribe(channel);
    }

    void unsubscribePattern(String pattern) {
        subscriptions.removePattern(pattern);
        StatefulRedisPubSubConnection<String, byte[]> p = pubSub;
        if (p != null && !closed) p.async().punsubscribe(pattern);
    }

    /** Publishes; the stage fails with {@link RedisUnavailableException} when Redis cannot be reached. */
    CompletionStage<Void> publish(String channel, byte[] message) {
        return command(c -> c.publish(channel, message)).thenApply(receivers -> null);
    }

    /**
     * Publishes a fire-and-forget message (a broadcast, a room change): while the command connection is down, it is
     * kept, bounded, and sent in order once the connection is back. The stage completes once it is sent, or fails
     * with {@link RedisUnavailableException} when there is no more room for it or the link closes.
     */
    CompletionStage<Void> publishKept(String channel, byte[] message) {
        return keep(c -> c.publish(channel, message), message.length).thenApply(receivers -> null);
    }

    /**
     * Runs a fire-and-forget write (XADD, SET) on the command connection, kept while it is down as
     * {@link #publishKept} is. Never a request whose caller waits for an answer: those fail fast.
     *
     * @param bytes the payload's size, counted against the bound of what is kept
     */
    <T> CompletionStage<T> keep(Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> call, long bytes) {
        return keepOrSend(call, bytes).done();
    }

    /** {@link #keep}, telling also whether this write was kept for later rather than sent at once. */
    <T> OfflineWrites.KeptOrSent<T> keepOrSend(Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> call,
                                               long bytes) {
        OfflineWrites.KeptOrSent<T> write = offline.write(call, bytes);
        return new OfflineWrites.KeptOrSent<>(write.done().handle((result, error) -> {
            if (error != null) throw unavailable(error);
            return result;
        }), write.kept());
    }

    /** Whether the command connection is up (Lettuce's view): for tests. */
    boolean commandsConnected() {
        StatefulRedisConnection<String, byte[]> c = commands;
        return c != null && c.isOpen();
    }

    /** For tests: keeps at most this many writes or bytes while the command connection is down. */
    void boundOfflineWrites(int writes, long bytes) {
        offline.bound(writes, bytes);
    }

    /** How many connections (nodes, for a request channel) listen to {@code channel}: Redis's PUBSUB NUMSUB. */
    CompletionStage<Long> subscriberCount(String channel) {
        return command(c -> c.pubsubNumsub(channel)).thenApply(counts -> {
            Long count = counts.get(channel);
            return count == null ? 0L : count;
        });
    }

    /**
     * Runs a command on the shared command connection; the stage fails with {@link RedisUnavailableException} when
     * Redis cannot be reached (at once while the connection is down). Never a blocking command: it would hold up
     * every namespace.
     */
    <T> CompletionStage<T> command(Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> call) {
        StatefulRedisConnection<String, byte[]> c = commands;
        if (c == null) return notConnected();
        try {
            return call.apply(c.async()).handle((result, error) -> {
                if (error != null) throw unavailable(error);
                return result;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unavailable(e));
        }
    }

    /**
     * Opens a connection of its own for blocking commands (a stream read), whose commands may take
     * {@code commandTimeout}; retried until it connects or the link closes. Lettuce reconnects it when lost.
     */
    void connectForBlockingReads(Duration commandTimeout, Consumer<StatefulRedisConnection<String, byte[]>> connected) {
        RedisClient blocking;
        synchronized (this) { // close() shuts down whatever client is set here
            if (closed) return;
            if (blockingClient != null) throw new IllegalStateException("one blocking connection per link");
            blocking = RedisClient.create(resources);
            blockingClient = blocking;
        }
        blocking.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        connect(0, "blocking reads", c -> blocking.connectAsync(CODEC, c), connected);
    }

    /** A read of the stream failed: worth a warning once per incident. */
    void readFailed(Throwable error) {
        reachability.readFailed(error);
    }

    /** A fire-and-forget message did not get out: worth a warning once per incident. */
    void publishFailed(String what, Throwable error) {
        reachability.publishFailed(what, error);
    }

    private <T> CompletionStage<T> notConnected() {
        return CompletableFuture.failedFuture(new RedisUnavailableException("Redis at " + safeUri
                + " is not connected yet", null));
    }

    private RedisUnavailableException unavailable(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        if (cause instanceof RedisUnavailableException known) return known;
        return new RedisUnavailableException("Redis at " + safeUri + " is unreachable: " + Causes.message(cause), cause);
    }

    /** Closes the connections and stops Lettuce's threads; waits for them a few seconds at most. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        offline.close();
        connectionEvents.dispose();
        RedisClient blocking = blockingClient;
        try {
            if (blocking != null) blocking.shutdown(Duration.ZERO, Duration.ofSeconds(SHUTDOWN_TIMEOUT_SECONDS));
        } catch (RuntimeException e) {
            Reachability.LOG.log(Level.WARNING, "closing the Redis client of blocking reads: {0}", e.toString());
        }
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(SHUTDOWN_TIMEOUT_SECONDS));
        } catch (RuntimeException e) {
            Reachability.LOG.log(Level.WARNING, "closing the Redis client: {0}", e.toString());
        }
        resources.shutdown(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
    }
}
