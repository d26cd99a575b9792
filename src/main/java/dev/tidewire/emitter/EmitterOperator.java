package dev.tidewire.emitter;

import dev.tidewire.internal.redis.EmitterTransport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Chosen targets and flags of a {@link RedisEmitter}, in one namespace. Immutable: each method that narrows the
 * targets or sets a flag returns a new operator. The rooms and exclusions are resolved on each node, against its own
 * sockets.
 */
public final class EmitterOperator {
    private final EmitterTransport transport;
    private final String namespace;
    private final List<String> rooms;
    private final List<String> except;
    /** In the order first set, as the reference's emitter writes them. */
    private final Map<String, Boolean> flags;

    EmitterOperator(EmitterTransport transport, String namespace, List<String> rooms, List<String> except,
                    Map<String, Boolean> flags) {
        this.transport = transport;
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
        this.flags = flags;
    }

    /** Also the sockets in these rooms (a socket in several gets an event once). */
    public EmitterOperator to(String... more) {
        return new EmitterOperator(transport, namespace, union(rooms, more), except, flags);
    }

    /** The same as {@link #to}. */
    public EmitterOperator in(String... more) {
        return to(more);
    }

    /** Not the sockets in these rooms. */
    public EmitterOperator except(String... more) {
        return new EmitterOperator(transport, namespace, rooms, union(except, more), flags);
    }

    /** Events that a client not ready for them may miss. */
    public EmitterOperator asVolatile() {
        return withFlag("volatile", true);
    }

    /** Whether to compress the events (Node servers honour it; Tidewire servers ignore it). */
    public EmitterOperator compress(boolean compress) {
        return withFlag("compress", compress);
    }

    private EmitterOperator withFlag(String name, boolean value) {
        Map<String, Boolean> more = new LinkedHashMap<>(flags);
        more.put(name, value);
        return new EmitterOperator(transport, namespace, rooms, except, Collections.unmodifiableMap(more));
    }

    /**
     * Emits {@code event} to the targeted sockets of every node.
     *
     * @param args JSON values ({@code String}, a number, {@code Boolean}, {@code null}, {@code Map} with string keys,
     *             {@code List}) and {@code byte[]}, which clients receive as binary
     * @throws IllegalArgumentException when the event name is reserved ({@code connect}, {@code disconnect}, …), or
     *                                  an argument is not such a value, or is a callback: an emitter gets no acks
     */
    public CompletionStage<Void> emit(String event, Object... args) {
        return transport.emit(namespace, rooms, except, flags, event, args);
    }

    /** Makes the targeted sockets of every node join these rooms. */
    public CompletionStage<Void> socketsJoin(String... joined) {
        return transport.socketsJoin(namespace, rooms, except, EmitterTransport.rooms(joined));
    }

    /** Makes the targeted sockets of every node leave these rooms. */
    public CompletionStage<Void> socketsLeave(String... left) {
        return transport.socketsLeave(namespace, rooms, except, EmitterTransport.rooms(left));
    }

    /** Disconnects the targeted sockets of every node; {@code close} closes their connections too. */
    public CompletionStage<Void> disconnectSockets(boolean close) {
        return transport.disconnectSockets(namespace, rooms, except, close);
    }

    private static List<String> union(List<String> base, String[] more) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(EmitterTransport.rooms(more));
        return List.copyOf(all); // in the order first named, as the reference's sets keep them
    }
}
