package dev.tidewire.server;

import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Selects sockets of a namespace by rooms and exclusions, and acts on them. Immutable: every method that narrows
 * or flags returns a new operator. An emit is encoded once and the same frames go to every target.
 */
public final class BroadcastOperator {
    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;
    private final boolean isVolatile;
    private final long timeoutMillis;
    private final boolean afterCommit;

    BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean isVolatile) {
        this(namespace, rooms, except, isVolatile, 0, false);
    }

    private BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean isVolatile,
                              long timeoutMillis, boolean afterCommit) {
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
        this.isVolatile = isVolatile;
        this.timeoutMillis = timeoutMillis;
        this.afterCommit = afterCommit;
    }

    /** Adds rooms: targets are members of any of them. */
    public BroadcastOperator to(String... more) {
        UserRooms.checkApplicationRooms(more);
        return new BroadcastOperator(namespace, union(rooms, more), except, isVolatile, timeoutMillis, afterCommit);
    }

    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /** Excludes members of these rooms (a socket id is a room). */
    public BroadcastOperator except(String... more) {
        UserRooms.checkApplicationRooms(more);
        return new BroadcastOperator(namespace, rooms, union(except, more), isVolatile, timeoutMillis, afterCommit);
    }

    /** Packets are dropped for clients whose transport cannot write at once. */
    public BroadcastOperator asVolatile() {
        return new BroadcastOperator(namespace, rooms, except, true, timeoutMillis, afterCommit);
    }

    /** A time limit for {@link #emitWithAck}: past it the stage fails with a {@link BroadcastAckTimeoutException}. */
    public BroadcastOperator timeout(long millis) {
        if (millis <= 0) throw new IllegalArgumentException("timeout must be positive");
        return new BroadcastOperator(namespace, rooms, except, isVolatile, millis, afterCommit);
    }

    /**
     * Holds what this operator does ({@link #emit}, {@link #socketsJoin}, {@link #socketsLeave},
     * {@link #disconnectSockets}) until the transaction active on the calling thread commits, and drops it if that
     * transaction rolls back; with no transaction active it happens at once. An emit's arguments are encoded when
     * {@code emit} is called. Targets are chosen at commit. {@link #emitWithAck} cannot wait for a commit and refuses.
     */
    public BroadcastOperator afterCommit() {
        return new BroadcastOperator(namespace, rooms, except, isVolatile, timeoutMillis, true);
    }

    private void runOrDeferToCommit(Runnable action) {
        if (afterCommit && namespace.server().transactionHook().deferToCommit(action)) return;
        action.run();
    }

    private static Set<String> union(Set<String> base, String[] more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(Arrays.asList(more));
        return Set.copyOf(s);
    }

    private BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, isVolatile);
    }

    public void emit(String event, Object... args) {
        ReservedEvents.check(event);
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        data.addAll(Arrays.asList(args));
        List<Packet> encoded = namespace.server().encode(
                new SioPacket(SioPacketType.EVENT, namespace.name(), SioPacket.NO_ACK, data));
        BroadcastOptions options = options();
        runOrDeferToCommit(() -> namespace.adapter().broadcast(encoded, options));
    }

    /**
     * Emits with one ack id for every target (encoded once) and completes with the first ack argument of each
     * client, once all have answered; at once with an empty list when there is no target. Use {@link #timeout}:
     * without it a client that never answers leaves the stage pending.
     */
    public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
        if (afterCommit) {
            throw new UnsupportedOperationException("emitWithAck cannot be held until a commit; emit after commit "
                    + "and let the clients answer with an event of their own");
        }
        ReservedEvents.check(event);
        long ackId = namespace.nextAckId();
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        data.addAll(Arrays.asList(args));
        List<Packet> encoded = namespace.server().encode(new SioPacket(SioPacketType.EVENT, namespace.name(), ackId, data));
        List<Socket> targets = fetchSockets();
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        if (targets.isEmpty()) {
            result.complete(List.of());
            return result;
        }
        List<Object> responses = Collections.synchronizedList(new ArrayList<>(targets.size()));
        AtomicInteger remaining = new AtomicInteger(targets.size());
        AtomicReference<Scheduler.Timer> timer = new AtomicReference<>();
        // every pending ack is registered before the timer is armed (a short timeout may fire before the next
        // statement) and the timer before anything is sent (so a reply finds it)
        for (Socket s : targets) {
            s.expectAck(ackId).thenAccept(reply -> {
                responses.add(reply.isEmpty() ? null : reply.get(0));
                if (remaining.decrementAndGet() == 0) {
                    Scheduler.Timer armed = timer.get();
                    if (armed != null) armed.cancel();
                    synchronized (responses) {
                        result.complete(new ArrayList<>(responses));
                    }
                }
            });
        }
        if (timeoutMillis > 0) timer.set(namespace.server().scheduler().schedule(() -> {
            for (Socket s : targets) s.forgetAck(ackId);
            List<Object> partial;
            synchronized (responses) {
                partial = new ArrayList<>(responses);
            }
            // on the handler executor: callbacks chained by the application may block
            namespace.server().runOnHandlerExecutor(
                    () -> result.completeExceptionally(new BroadcastAckTimeoutException(partial)));
        }, timeoutMillis));
        for (Socket s : targets) s.client().write(encoded, isVolatile);
        return result;
    }

    public List<Socket> fetchSockets() {
        List<Socket> out = new ArrayList<>();
        namespace.adapter().forEachTarget(options(), out::add);
        return out;
    }

    public void socketsJoin(String... joined) {
        UserRooms.checkApplicationRooms(joined); // also when no socket matches
        runOrDeferToCommit(() -> {
            for (Socket s : fetchSockets()) s.join(joined);
        });
    }

    public void socketsLeave(String... left) {
        UserRooms.checkApplicationRooms(left);
        runOrDeferToCommit(() -> {
            for (Socket s : fetchSockets()) for (String r : left) s.leave(r);
        });
    }

    /**
     * Disconnects every target from this namespace ("server namespace disconnect"); with {@code close}, each
     * target's Engine.IO connection is closed too, which ends its sockets in other namespaces as well, as
     * {@link Socket#disconnect(boolean)} does.
     */
    public void disconnectSockets(boolean close) {
        runOrDeferToCommit(() -> {
            for (Socket s : fetchSockets()) s.disconnect(close);
        });
    }

    // ---------------------------------------------------------------- users

    /**
     * Adds the sockets of these users (see {@link Socket#user()}) to the targets.
     *
     * @throws IllegalArgumentException for no name (which would leave every socket targeted) or an empty one
     */
    public BroadcastOperator toUser(String... names) {
        return new BroadcastOperator(namespace, union(rooms, UserRooms.targetRoomsOf(names)), except, isVolatile,
                timeoutMillis, afterCommit);
    }

    /** Excludes the sockets of these users. */
    public BroadcastOperator exceptUser(String... names) {
        return new BroadcastOperator(namespace, rooms, union(except, UserRooms.roomsOf(names)), isVolatile,
                timeoutMillis, afterCommit);
    }
}
