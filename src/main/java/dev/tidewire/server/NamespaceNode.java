package dev.tidewire.server;

import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** A namespace's sockets on this node, as its adapter acts on them. Each broadcast is encoded once. */
final class NamespaceNode implements LocalNamespace {
    /** Most cluster messages of one namespace waiting for their turn; past it the node is too slow to keep up. */
    static final int MAX_QUEUED_CLUSTER_MESSAGES = 10_000;

    private final Namespace namespace;
    private final Rooms rooms;
    private volatile SerialExecutor inOrder;
    private final Executor broadcastsInOrder = task -> inOrder().execute(SerialExecutor.writesBatched(task));

    NamespaceNode(Namespace namespace, Rooms rooms) {
        this.namespace = namespace;
        this.rooms = rooms;
    }

    Namespace namespace() {
        return namespace;
    }

    @Override
    public String name() {
        return namespace.name();
    }

    @Override
    public Optional<RecoveryOptions> recovery() {
        return Optional.ofNullable(namespace.server().options().recovery());
    }

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        List<Packet> encoded = namespace.server().encode(
                new SioPacket(SioPacketType.EVENT, namespace.name(), SioPacket.NO_ACK, data), options.compress());
        boolean isVolatile = options.isVolatile();
        rooms.forEachTarget(options, s -> {
            s.notifyOutgoing(data); // the decoded form: the frames stay encoded once for every target
            s.client().write(encoded, isVolatile);
        });
    }

    @Override
    public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                 Consumer<Object> ack) {
        long ackId = namespace.nextAckId();
        List<Packet> encoded = namespace.server().encode(
                new SioPacket(SioPacketType.EVENT, namespace.name(), ackId, data), options.compress());
        List<Socket> targets = fetchSockets(options);
        // each pending ack is registered before anything is sent, so that an answer finds it
        for (Socket s : targets) {
            s.expectAck(ackId).thenAccept(reply -> ack.accept(reply.isEmpty() ? null : reply.get(0)));
        }
        clientCount.accept(targets.size());
        if (options.timeoutMillis() > 0 && !targets.isEmpty()) {
            namespace.server().scheduler().schedule(() -> {
                for (Socket s : targets) s.forgetAck(ackId);
            }, options.timeoutMillis());
        }
        for (Socket s : targets) {
            s.notifyOutgoing(data);
            s.client().write(encoded, options.isVolatile());
        }
    }

    @Override
    public List<Socket> fetchSockets(BroadcastOptions options) {
        List<Socket> out = new ArrayList<>();
        rooms.forEachTarget(options, out::add);
        return out;
    }

    @Override
    public List<SocketDetails> fetchSocketDetails(BroadcastOptions options) {
        List<SocketDetails> out = new ArrayList<>();
        rooms.forEachTarget(options, s -> out.add(SocketDetails.of(s, namespace.server().jsonFallback())));
        return out;
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> joined) {
        String[] names = joined.toArray(String[]::new);
        for (Socket s : fetchSockets(options)) s.join(names);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> left) {
        for (Socket s : fetchSockets(options)) for (String room : left) s.leave(room);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        for (Socket s : fetchSockets(options)) s.disconnect(close);
    }

    @Override
    public void onServerSideEmit(List<Object> data, Consumer<Object> ack) {
        namespace.fireServerSideEvent(data, ack);
    }

    @Override
    public Set<String> rooms() {
        return rooms.names();
    }

    @Override
    public RemoteSocket remoteSocket(SocketDetails details) {
        return new RemoteSocketView(namespace, details);
    }

    @Override
    public List<Object> toJsonValues(List<Object> data) {
        return JsonValues.copyOf(data, namespace.server().jsonFallback());
    }

    @Override
    public Executor inOrder() {
        SerialExecutor e = inOrder;
        if (e == null) {
            synchronized (this) {
                if (inOrder == null) inOrder = namespace.server().newSerialExecutor(MAX_QUEUED_CLUSTER_MESSAGES);
                e = inOrder;
            }
        }
        return e;
    }

    @Override
    public Executor inOrderBroadcasts() {
        return broadcastsInOrder;
    }

    @Override
    public long nowMillis() {
        return namespace.server().scheduler().nowMillis();
    }

    @Override
    public Timer schedule(Runnable task, long delayMillis) {
        Scheduler.Timer timer = namespace.server().scheduler().schedule(task, delayMillis);
        return timer::cancel;
    }
}
