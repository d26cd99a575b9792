package dev.tidewire.server;

import dev.tidewire.internal.engine.Scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Selects sockets of a namespace by rooms and exclusions, on every node of a cluster, and acts on them through the
 * namespace's {@link Adapter}. Immutable: every method that narrows or flags returns a new operator. An emit is
 * encoded once per node and the same frames go to every target there.
 */
public final class BroadcastOperator {
    private final Namespace namespace;
    private final BroadcastOptions options;
    private final boolean afterCommit;

    BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean isVolatile) {
        this(namespace, new BroadcastOptions(rooms, except, isVolatile, false, 0), false);
    }

    private BroadcastOperator(Namespace namespace, BroadcastOptions options, boolean afterCommit) {
        this.namespace = namespace;
        this.options = options;
        this.afterCommit = afterCommit;
    }

    private BroadcastOperator with(BroadcastOptions changed) {
        return new BroadcastOperator(namespace, changed, afterCommit);
    }

    /** With these rooms and exclusions, the flags unchanged. */
    private BroadcastOperator targeting(Set<String> rooms, Set<String> except) {
        BroadcastOptions o = options;
        return with(new BroadcastOptions(rooms, except, o.isVolatile(), o.local(), o.timeoutMillis(), o.compress()));
    }

    /** Adds rooms: targets are members of any of them. */
    public BroadcastOperator to(String... more) {
        UserRooms.checkApplicationRooms(more);
        return targeting(union(options.rooms(), more), options.except());
    }

    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /** Excludes members of these rooms (a socket id is a room). */
    public BroadcastOperator except(String... more) {
        UserRooms.checkApplicationRooms(more);
        return targeting(options.rooms(), union(options.except(), more));
    }

    /** Packets are dropped for clients whose transport cannot write at once. */
    public BroadcastOperator asVolatile() {
        BroadcastOptions o = options;
        return with(new BroadcastOptions(o.rooms(), o.except(), true, o.local(), o.timeoutMillis(), o.compress()));
    }

    /** This node only: the operation is not forwarded to the other nodes of a cluster (the reference's {@code local}). */
    public BroadcastOperator local() {
        return with(options.onThisNodeOnly());
    }

    /**
     * A time limit for {@link #emitWithAck} (past it the stage fails with a {@link BroadcastAckTimeoutException}),
     * and for {@link #fetchSockets} in a cluster (past it the stage fails with a {@link ClusterTimeoutException}).
     */
    public BroadcastOperator timeout(long millis) {
        if (millis <= 0) throw new IllegalArgumentException("timeout must be positive");
        return with(options.withTimeout(millis));
    }

    /**
     * Holds what this operator does ({@link #emit}, {@link #socketsJoin}, {@link #socketsLeave},
     * {@link #disconnectSockets}) until the transaction active on the calling thread commits, and drops it if that
     * transaction rolls back; with no transaction active it happens at once. An emit's arguments are copied when
     * {@code emit} is called. Targets are chosen at commit. {@link #emitWithAck} cannot wait for a commit and refuses.
     */
    public BroadcastOperator afterCommit() {
        return new BroadcastOperator(namespace, options, true);
    }

    /**
     * Whether the emitted packets may be compressed (the reference's {@code compress} flag; true by default): with
     * {@code false}, a polling answer that carries only such packets is sent uncompressed whatever its size. Over
     * WebSocket the extension's threshold decides, as in the reference (see the README's "Compression").
     */
    public BroadcastOperator compress(boolean compress) {
        return with(options.withCompress(compress));
    }

    /** @return whether the action was held for a commit */
    private boolean deferredToCommit(Runnable action) {
        return afterCommit && namespace.server().transactionHook().deferToCommit(action);
    }

    private void runOrDeferToCommit(Runnable action) {
        if (!deferredToCommit(action)) action.run();
    }

    private static Set<String> union(Set<String> base, String[] more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(Arrays.asList(more));
        return Set.copyOf(s);
    }

    public void emit(String event, Object... args) {
        ReservedEvents.check(event);
        List<Object> data = Namespace.eventData(event, args);
        if (afterCommit) {
            // a snapshot: what the application changes in its objects before the commit is not sent
            List<Object> copy = JsonValues.copyOf(data, namespace.server().jsonFallback());
            if (deferredToCommit(() -> namespace.adapter().broadcast(copy, options))) return;
        }
        namespace.adapter().broadcast(data, options);
    }

    /**
     * {@code emit("message", args...)}: the reference's {@code send}, which mimics {@code WebSocket.send()}; a client
     * receives it with {@code socket.on("message", ...)}.
     */
    public void send(Object... args) {
        emit("message", args);
    }

    /**
     * Emits with an ack id and completes with the first ack argument of each client, on every node, once all have
     * answered; at once with an empty list when there is no target. Use {@link #timeout}: without it a client that
     * never answers leaves the stage pending.
     */
    public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
        if (afterCommit) {
            throw new UnsupportedOperationException("emitWithAck cannot be held until a commit; emit after commit "
                    + "and let the clients answer with an event of their own");
        }
        ReservedEvents.check(event);
        return new AckCollector(namespace.server(), options.timeoutMillis()).start(namespace.adapter(),
                Namespace.eventData(event, args), options);
    }

    /**
     * The matching sockets of every node of the cluster: local ones as {@link Socket}s, remote ones as snapshots
     * whose operations reach them through the adapter. Fails with a {@link ClusterTimeoutException} when a node does
     * not answer in time ({@link #timeout}, 5 s by default).
     */
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return namespace.server().completedOnHandlers(namespace.adapter().fetchSockets(options));
    }

    /**
     * The ids of the matching sockets on every node of the cluster, as {@link #fetchSockets} finds them (rooms,
     * exclusions, {@link #local} and {@link #timeout} apply alike); on a {@link ParentNamespace}, an empty set, as in
     * the reference.
     *
     * @deprecated as in the reference: use {@link #fetchSockets()}, which gives the sockets themselves
     */
    @Deprecated
    public CompletionStage<Set<String>> allSockets() {
        return fetchSockets().thenApply(BroadcastOperator::idsOf);
    }

    static Set<String> idsOf(List<RemoteSocket> sockets) {
        Set<String> ids = new LinkedHashSet<>();
        for (RemoteSocket s : sockets) ids.add(s.id());
        return Collections.unmodifiableSet(ids);
    }

    /** The matching sockets connected to this node (no cluster round trip). */
    public List<Socket> fetchLocalSockets() {
        List<Socket> out = new ArrayList<>();
        namespace.rooms().forEachTarget(options, out::add);
        return out;
    }

    public void socketsJoin(String... joined) {
        UserRooms.checkApplicationRooms(joined); // also when no socket matches
        Set<String> names = new LinkedHashSet<>(Arrays.asList(joined));
        runOrDeferToCommit(() -> namespace.adapter().addSockets(options, names));
    }

    public void socketsLeave(String... left) {
        UserRooms.checkApplicationRooms(left);
        Set<String> names = new LinkedHashSet<>(Arrays.asList(left));
        runOrDeferToCommit(() -> namespace.adapter().delSockets(options, names));
    }

    /**
     * Disconnects every target from this namespace ("server namespace disconnect"); with {@code close}, each
     * target's Engine.IO connection is closed too, which ends its sockets in other namespaces as well, as
     * {@link Socket#disconnect(boolean)} does.
     */
    public void disconnectSockets(boolean close) {
        runOrDeferToCommit(() -> namespace.adapter().disconnectSockets(options, close));
    }

    // ---------------------------------------------------------------- users

    /**
     * Adds the sockets of these users (see {@link Socket#user()}) to the targets.
     *
     * @throws IllegalArgumentException for no name (which would leave every socket targeted) or an empty one
     */
    public BroadcastOperator toUser(String... names) {
        return targeting(union(options.rooms(), UserRooms.targetRoomsOf(names)), options.except());
    }

    /** Excludes the sockets of these users. */
    public BroadcastOperator exceptUser(String... names) {
        return targeting(options.rooms(), union(options.except(), UserRooms.roomsOf(names)));
    }

    /**
     * The answers of one broadcast with acks, as the reference counts them: complete once every node has said how
     * many clients it reached, the adapter has said how many nodes there are, and that many clients have answered.
     */
    private static final class AckCollector {
        private final SocketIoServer server;
        private final long timeoutMillis;
        private final CompletableFuture<List<Object>> result = new CompletableFuture<>();
        private final List<Object> responses = new ArrayList<>();
        private int expectedServers = -1;
        private int reportedServers;
        private int expectedClients;
        private Scheduler.Timer timer;

        AckCollector(SocketIoServer server, long timeoutMillis) {
            this.server = server;
            this.timeoutMillis = timeoutMillis;
        }

        CompletionStage<List<Object>> start(Adapter adapter, List<Object> data, BroadcastOptions options) {
            // armed before anything is sent; a short timeout that fires at once still sees the answers so far
            if (timeoutMillis > 0) {
                Scheduler.Timer armed = server.scheduler().schedule(this::timeOut, timeoutMillis);
                synchronized (this) {
                    timer = armed;
                }
            }
            adapter.broadcastWithAck(data, options, this::clientsReached, this::answered);
            adapter.serverCount().whenComplete((count, error) -> nodesCounted(error == null ? count : 1));
            // the last answer may come on a namespace's cluster queue, a client's reading thread or the timer
            return server.completedOnHandlers(result);
        }

        private void clientsReached(int count) {
            synchronized (this) {
                expectedClients += count;
                reportedServers++;
            }
            completeIfAllAnswered();
        }

        private void answered(Object answer) {
            synchronized (this) {
                responses.add(answer);
            }
            completeIfAllAnswered();
        }

        private void nodesCounted(int count) {
            synchronized (this) {
                expectedServers = count;
            }
            completeIfAllAnswered();
        }

        /** Completes outside the lock; the stage the application got hands the outcome to the handler executor. */
        private void completeIfAllAnswered() {
            List<Object> all;
            synchronized (this) {
                if (result.isDone() || expectedServers != reportedServers || responses.size() != expectedClients) {
                    return;
                }
                if (timer != null) timer.cancel();
                all = new ArrayList<>(responses);
            }
            result.complete(all);
        }

        private void timeOut() {
            List<Object> partial;
            synchronized (this) {
                if (result.isDone()) return;
                partial = new ArrayList<>(responses);
            }
            result.completeExceptionally(new BroadcastAckTimeoutException(partial));
        }
    }
}
