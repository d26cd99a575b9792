package dev.tidewire.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The part of a namespace on this node, as its {@link Adapter} sees it: each operation here acts on the sockets
 * connected to this node only. A cluster adapter calls these for the operations it forwards and for those it
 * receives from other nodes.
 */
public interface LocalNamespace {
    /** The namespace's name, e.g. {@code /chat}. */
    String name();

    /** Connection state recovery, when the server has it on. */
    Optional<RecoveryOptions> recovery();

    /** Encodes the event once and writes it to every matching socket of this node. */
    void broadcast(List<Object> data, BroadcastOptions options);

    /**
     * As {@link #broadcast}, with one ack id for all: calls {@code clientCount} with the number of sockets reached,
     * then {@code ack} with the first argument of each answer. With {@link BroadcastOptions#timeoutMillis()}, the
     * answers are no longer awaited after it.
     */
    void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack);

    List<Socket> fetchSockets(BroadcastOptions options);

    /** The matching local sockets as another node reads them. */
    List<SocketDetails> fetchSocketDetails(BroadcastOptions options);

    void addSockets(BroadcastOptions options, Set<String> rooms);

    void delSockets(BroadcastOptions options, Set<String> rooms);

    void disconnectSockets(BroadcastOptions options, boolean close);

    /**
     * Hands an event from another node to this namespace's server-side handlers; {@code ack} (or {@code null} when the
     * sender awaits none) gets the first argument of the first handler's answer.
     */
    void onServerSideEmit(List<Object> data, Consumer<Object> ack);

    /** The names of the rooms with a member on this node (a snapshot); each socket id is one too. */
    Set<String> rooms();

    /** A socket of another node, as {@code fetchSockets} returns it. */
    RemoteSocket remoteSocket(SocketDetails details);

    /** The event's values as JSON values ({@code Map}, {@code List}, strings, numbers, booleans, null, {@code byte[]}). */
    List<Object> toJsonValues(List<Object> data);

    /** Runs tasks one at a time in the order given, off the caller's thread: for messages received from the cluster. */
    Executor inOrder();

    /**
     * Queues on {@link #inOrder()}, in the same order, tasks that only deliver broadcasts received from the cluster
     * and run no application code: what several of them queued together write to one client may go out in one write.
     */
    default Executor inOrderBroadcasts() {
        return inOrder();
    }

    /** The server's clock, in epoch milliseconds. */
    long nowMillis();

    /** Runs {@code task} once after {@code delayMillis}, unless cancelled. */
    Timer schedule(Runnable task, long delayMillis);

    /** A scheduled task. */
    interface Timer {
        void cancel();
    }
}
