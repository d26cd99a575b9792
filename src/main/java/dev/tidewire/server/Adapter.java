package dev.tidewire.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * How the operations of one namespace reach the sockets of every node of a cluster: the reference's adapter contract.
 * Each namespace gets its own, from the server's {@link AdapterFactory}. Every operation of a
 * {@link BroadcastOperator}, and {@code serverSideEmit} and {@code serverCount}, goes through it; an adapter forwards
 * it to the other nodes (unless {@link BroadcastOptions#local()}) and carries it out here through the
 * {@link LocalNamespace} it was created with, which delivers each broadcast encoded once.
 * <p>
 * Rooms are always this node's: a socket's membership lives in its own node, as in every reference adapter.
 * <p>
 * An event's {@code data} is the event name followed by its arguments: JSON values, {@code byte[]} for binary, and
 * any other object the server's JSON binding can write ({@link LocalNamespace#toJsonValues} turns those into JSON
 * values for a wire format). Methods are called from any thread and must not block.
 */
public interface Adapter {
    /** Called once, when the namespace is created and before any socket connects to it. */
    default void init() {
    }

    void broadcast(List<Object> data, BroadcastOptions options);

    /**
     * Broadcasts with an ack id: {@code clientCount} is called once per node with the number of clients reached
     * there, and {@code ack} once per client answer with the answer's first argument.
     */
    void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack);

    /** The matching sockets of every node: the local ones as {@link Socket}s. */
    CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options);

    void addSockets(BroadcastOptions options, Set<String> rooms);

    void delSockets(BroadcastOptions options, Set<String> rooms);

    void disconnectSockets(BroadcastOptions options, boolean close);

    /** An event for the other nodes' server-side handlers ({@link Namespace#onServerSideEmit}), not for clients. */
    void serverSideEmit(List<Object> data);

    /**
     * As {@link #serverSideEmit}, and completes with the first ack argument of each other node's handler, or fails
     * with {@link ClusterTimeoutException} when not all answered within {@code timeoutMillis}.
     */
    CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis);

    /**
     * Keeps a socket that left for a reason a client may recover from (connection state recovery is on): its state,
     * and from now on the broadcasts it misses. {@link #restoreSession} finds it for the given time.
     */
    default void persistSession(RecoverableSession session) {
    }

    /**
     * The session {@code pid}, with the events it missed after the one at {@code offset}; empty when there is none, it
     * expired, or the offset is unknown (the client then starts afresh). An adapter that restores sessions also
     * appends an offset to each event it broadcasts without ack and not volatile.
     */
    default CompletionStage<Optional<RecoverableSession>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The number of nodes in the cluster, this one included. */
    CompletionStage<Integer> serverCount();

    /** The namespace is closing (the server shuts down). */
    default void close() {
    }
}
