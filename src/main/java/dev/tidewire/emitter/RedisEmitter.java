package dev.tidewire.emitter;

import dev.tidewire.internal.redis.EmitterTransport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Emits to the sockets of a Socket.IO cluster, in one namespace ({@code /} unless {@link #of} chose another), from
 * outside it. Targets are chosen with {@link #to}, {@link #except} and the flags, each returning a new
 * {@link EmitterOperator}; the emitter itself stays as it was.
 * <pre>{@code
 * try (RedisEmitter emitter = new RedisEmitter("redis://localhost:6379")) {
 *     emitter.to("news").emit("headline", Map.of("title", "Tidewire 1.0")).toCompletableFuture().join();
 * }
 * }</pre>
 * Creating one never blocks: it connects in the background, and what is sent before it is connected waits for it.
 * The emitter reconnects by itself after an outage; meanwhile what it sends is kept, bounded, and sent in order once
 * Redis is back (beyond the bound, a stage fails at once). Thread-safe.
 */
public final class RedisEmitter implements AutoCloseable {
    /** The channel prefix of the reference's adapter and emitter. */
    public static final String DEFAULT_KEY = "socket.io";

    private final EmitterTransport transport;
    private final String namespace;

    /** An emitter for Redis at {@code redisUri} ({@code redis://[:password@]host[:port][/db]}), with the default key. */
    public RedisEmitter(String redisUri) {
        this(redisUri, DEFAULT_KEY);
    }

    /**
     * @param key the prefix of the channel names: the {@code key} the cluster's Redis adapter was given
     * @throws IllegalArgumentException when the URI is not a Redis URI or the key is empty
     */
    public RedisEmitter(String redisUri, String key) {
        this(new EmitterTransport(redisUri, key), "/");
    }

    private RedisEmitter(EmitterTransport transport, String namespace) {
        this.transport = transport;
        this.namespace = namespace;
    }

    /** An emitter for another namespace ({@code "chat"} means {@code "/chat"}), on this one's connection. */
    public RedisEmitter of(String namespace) {
        if (namespace == null) throw new IllegalArgumentException("the namespace is missing");
        return new RedisEmitter(transport, namespace.startsWith("/") ? namespace : "/" + namespace);
    }

    public String namespace() {
        return namespace;
    }

    /** The transport under this emitter, for tests in this package. */
    EmitterTransport transport() {
        return transport;
    }

    private EmitterOperator all() {
        return new EmitterOperator(transport, namespace, List.of(), List.of(), Map.of());
    }

    /** Emits to every socket of the namespace. @see EmitterOperator#emit */
    public CompletionStage<Void> emit(String event, Object... args) {
        return all().emit(event, args);
    }

    /** The sockets in any of these rooms. */
    public EmitterOperator to(String... rooms) {
        return all().to(rooms);
    }

    /** The same as {@link #to}. */
    public EmitterOperator in(String... rooms) {
        return all().in(rooms);
    }

    /** The sockets in none of these rooms. */
    public EmitterOperator except(String... rooms) {
        return all().except(rooms);
    }

    /** Events that a client not ready for them may miss. */
    public EmitterOperator asVolatile() {
        return all().asVolatile();
    }

    /** Whether to compress the events (Node servers honour it; Tidewire servers ignore it). */
    public EmitterOperator compress(boolean compress) {
        return all().compress(compress);
    }

    /** Makes every socket of the namespace join these rooms. */
    public CompletionStage<Void> socketsJoin(String... rooms) {
        return all().socketsJoin(rooms);
    }

    /** Makes every socket of the namespace leave these rooms. */
    public CompletionStage<Void> socketsLeave(String... rooms) {
        return all().socketsLeave(rooms);
    }

    /** Disconnects every socket of the namespace; {@code close} closes their connections too. */
    public CompletionStage<Void> disconnectSockets(boolean close) {
        return all().disconnectSockets(close);
    }

    /**
     * Sends an event to the servers' own handlers of the namespace ({@code onServerSideEmit} on a Tidewire node,
     * {@code io.on(event)} on a Node one), without acknowledgement.
     *
     * @throws IllegalArgumentException when an argument is not a JSON value or {@code byte[]}, or is a callback
     */
    public CompletionStage<Void> serverSideEmit(String event, Object... args) {
        return transport.serverSideEmit(namespace, event, args);
    }

    /**
     * Closes the connection to Redis and stops its threads. The emitters {@link #of} returned share that connection:
     * they are closed too.
     */
    @Override
    public void close() {
        transport.close();
    }
}
