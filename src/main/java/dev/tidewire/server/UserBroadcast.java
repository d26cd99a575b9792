package dev.tidewire.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sockets of some users in every namespace of the server: {@code io.toUser("alice").emit("order", order)}. A user
 * is a room in each namespace (see {@link Socket#user()}), so each operation is that namespace's
 * {@link Namespace#toUser} for every namespace that exists: an emit is encoded once per namespace and goes through
 * the namespace's adapter, which may reach sockets on other nodes. For rooms, exclusions, volatile packets or acks,
 * use {@link Namespace#toUser}, which returns a {@link BroadcastOperator} of one namespace.
 */
public final class UserBroadcast {
    private final SocketIoServer server;
    private final String[] names;
    private final boolean afterCommit;

    UserBroadcast(SocketIoServer server, String[] names) {
        this(server, names, false);
    }

    private UserBroadcast(SocketIoServer server, String[] names, boolean afterCommit) {
        UserRooms.targetRoomsOf(names); // refuses no name or an empty one now, not at the first emit
        this.server = server;
        this.names = names.clone();
        this.afterCommit = afterCommit;
    }

    /** Held until the caller's transaction commits, as {@link BroadcastOperator#afterCommit()}. */
    public UserBroadcast afterCommit() {
        return new UserBroadcast(server, names, true);
    }

    private BroadcastOperator in(Namespace namespace) {
        BroadcastOperator users = namespace.toUser(names);
        return afterCommit ? users.afterCommit() : users;
    }

    public void emit(String event, Object... args) {
        ReservedEvents.check(event); // even when no namespace has a target
        for (Namespace namespace : server.namespaces().values()) in(namespace).emit(event, args);
    }

    /**
     * The connected sockets of these users, namespace by namespace, on every node (a snapshot); fails when a node of
     * the cluster does not answer in time.
     */
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        CompletableFuture<List<RemoteSocket>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (Namespace namespace : server.namespaces().values()) {
            all = all.thenCombine(namespace.toUser(names).fetchSockets(), (sockets, more) -> {
                sockets.addAll(more);
                return sockets;
            });
        }
        return all;
    }

    /**
     * Disconnects these sockets ("server namespace disconnect"); with {@code close}, their Engine.IO connections are
     * closed too, which ends every socket of those connections, also one a middleware gave another user or none.
     */
    public void disconnectSockets(boolean close) {
        for (Namespace namespace : server.namespaces().values()) in(namespace).disconnectSockets(close);
    }
}
