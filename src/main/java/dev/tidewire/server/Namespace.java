package dev.tidewire.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A namespace: its sockets, middlewares, connection listeners, rooms, ack id sequence, and the adapter that carries
 * its operations to every node of a cluster.
 */
public class Namespace {
    private static final Logger LOG = System.getLogger("tidewire.socketio.namespace");

    private final SocketIoServer server;
    private final String name;
    private final ParentNamespace parent;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ackIds = new AtomicLong();
    private final Map<String, List<EventHandler>> serverSideHandlers = new ConcurrentHashMap<>();
    private final Rooms rooms = new Rooms(this);
    private final Adapter adapter;
    /** A child removed when empty ({@link SocketIoOptions#cleanupEmptyChildNamespaces()}); then guarded by lifecycle. */
    private final boolean cleanupWhenEmpty;
    private final Object lifecycle = new Object();
    private int connecting; // CONNECTs between enter() and their admission or end; guarded by lifecycle
    private boolean removed; // guarded by lifecycle

    Namespace(SocketIoServer server, String name, ParentNamespace parent) {
        this(server, name, parent, server.options().adapterFactory());
    }

    Namespace(SocketIoServer server, String name, ParentNamespace parent, AdapterFactory adapterFactory) {
        this.server = server;
        this.name = name;
        this.parent = parent;
        this.cleanupWhenEmpty = parent != null && server.options().cleanupEmptyChildNamespaces();
        this.adapter = adapterFactory.create(new NamespaceNode(this, rooms));
        adapter.init();
    }

    /**
     * Whether a room name is reserved by the library (a user's room, see {@link Socket#user()}): applications can
     * neither join nor target it by name, and it is not an application room.
     */
    public static boolean isReservedRoom(String room) {
        return UserRooms.isReserved(room);
    }

    public String name() {
        return name;
    }

    public SocketIoServer server() {
        return server;
    }

    /** The dynamic namespace this one was created from, or {@code null}. */
    public ParentNamespace parent() {
        return parent;
    }

    /** The adapter of this namespace: how its operations reach every node of a cluster. */
    public Adapter adapter() {
        return adapter;
    }

    Rooms rooms() {
        return rooms;
    }

    /** The names of the rooms that have a member on this node (a snapshot); each socket id is a room too. */
    public Set<String> localRooms() {
        return rooms.names();
    }

    /** Tells {@code listener} of the rooms created, joined, left and deleted on this node. */
    public Namespace addRoomListener(RoomListener listener) {
        rooms.addListener(listener);
        return this;
    }

    /** Connected sockets by id (a live, read-only view). */
    public Map<String, Socket> sockets() {
        return Collections.unmodifiableMap(sockets);
    }

    Map<String, Socket> socketMap() {
        return sockets;
    }

    public Namespace use(Middleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    public Namespace onConnection(Consumer<Socket> listener) {
        connectionListeners.add(listener);
        return this;
    }

    /**
     * Marks a connection listener that never blocks (it only registers handlers, joins rooms, emits). When a
     * namespace has no middleware and only such listeners, a client's CONNECT is accepted on the thread that read
     * it, in order with the client's other packets, skipping the hop to the managed executor; no CDI request
     * context is active there. See {@link EventHandler#nonBlocking}.
     */
    public static Consumer<Socket> nonBlocking(Consumer<Socket> listener) {
        return (NonBlockingListener) listener::accept;
    }

    /** A connection listener declared non-blocking with {@link #nonBlocking}. */
    @FunctionalInterface
    interface NonBlockingListener extends Consumer<Socket> {
    }

    /** Whether a CONNECT to this namespace may be handled on the reading thread (see {@link #nonBlocking}). */
    boolean connectsInline() {
        if (parent != null || !middlewares.isEmpty()) return false;
        for (Consumer<Socket> l : connectionListeners) {
            if (!(l instanceof NonBlockingListener)) return false;
        }
        return true;
    }

    /** As the reference's {@code nsp.on("connection", ...)}; {@code "connect"} is accepted too. */
    public Namespace on(String event, Consumer<Socket> listener) {
        if (!event.equals("connection") && !event.equals("connect")) {
            throw new IllegalArgumentException("a namespace emits only \"connection\"; got \"" + event + "\"");
        }
        return onConnection(listener);
    }

    long nextAckId() {
        return ackIds.getAndIncrement();
    }

    List<Middleware> middlewares() {
        return parent == null ? middlewares : parent.middlewaresFor(middlewares);
    }

    /**
     * A CONNECT starts: with cleanup on, the namespace then stays until the CONNECT is admitted ({@link #addSocket})
     * or ends ({@link #connectEnded}), so that a socket never joins a removed namespace.
     *
     * @return false when this namespace was removed meanwhile: resolve the name again
     */
    boolean enter() {
        if (!cleanupWhenEmpty) return true;
        synchronized (lifecycle) {
            if (removed) return false;
            connecting++;
            return true;
        }
    }

    /** A CONNECT that {@link #enter}ed ended without a socket (refused, or its client left). */
    void connectEnded() {
        if (!cleanupWhenEmpty) return;
        boolean remove;
        synchronized (lifecycle) {
            connecting--;
            remove = removeIfEmptyLocked();
        }
        if (remove) closeRemoved();
    }

    void addSocket(Socket socket) {
        if (cleanupWhenEmpty) {
            synchronized (lifecycle) {
                connecting--;
                sockets.put(socket.id(), socket);
            }
        } else {
            sockets.put(socket.id(), socket);
        }
        socket.joinOwnRooms();
    }

    void removeSocket(Socket socket) {
        if (!cleanupWhenEmpty) {
            sockets.remove(socket.id(), socket);
            return;
        }
        boolean remove;
        synchronized (lifecycle) {
            sockets.remove(socket.id(), socket);
            remove = removeIfEmptyLocked();
        }
        if (remove) closeRemoved();
    }

    /** Takes an empty child out of the server and its parent, inside the lock, so that {@link #enter} then fails. */
    private boolean removeIfEmptyLocked() {
        if (removed || connecting > 0 || !sockets.isEmpty()) return false;
        removed = true;
        server.removeNamespace(this);
        parent.childList().remove(this);
        return true;
    }

    private void closeRemoved() {
        LOG.log(Level.DEBUG, "child namespace {0} is empty: removed", name);
        try {
            adapter.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the adapter of " + name + " failed", e);
        }
        server.fireNamespaceRemoved(this);
    }

    void fireConnection(Socket socket) {
        Collection<Consumer<Socket>> listeners = parent == null ? connectionListeners
                : parent.connectionListenersFor(connectionListeners);
        for (Consumer<Socket> l : listeners) {
            try {
                l.accept(socket);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection listener of " + name + " failed", e);
            }
        }
    }

    // ---------------------------------------------------------------- broadcasting

    private BroadcastOperator all() {
        return new BroadcastOperator(this, Set.of(), Set.of(), false);
    }

    public void emit(String event, Object... args) {
        all().emit(event, args);
    }

    /** {@code emit("message", args...)}, the reference's {@code send}; see {@link BroadcastOperator#send}. */
    public void send(Object... args) {
        emit("message", args);
    }

    /** {@link #send}, under the reference's other name for it ({@code nsp.write}). */
    public void write(Object... args) {
        send(args);
    }

    public BroadcastOperator to(String... rooms) {
        return all().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return all().to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return all().except(rooms);
    }

    public BroadcastOperator asVolatile() {
        return all().asVolatile();
    }

    /** Whether the emitted packets may be compressed: {@code nsp.compress(false).emit(...)}; see {@link BroadcastOperator#compress}. */
    public BroadcastOperator compress(boolean compress) {
        return all().compress(compress);
    }

    /** For a broadcast with acks: {@code nsp.timeout(ms).emitWithAck(...)}. */
    public BroadcastOperator timeout(long millis) {
        return all().timeout(millis);
    }

    /** Held until the caller's transaction commits: {@code nsp.afterCommit().to("orders").emit(...)}. */
    public BroadcastOperator afterCommit() {
        return all().afterCommit();
    }

    /** This node only: {@code nsp.local().emit(...)} does not reach the other nodes of a cluster. */
    public BroadcastOperator local() {
        return all().local();
    }

    /** The sockets of this namespace on every node; see {@link BroadcastOperator#fetchSockets()}. */
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return all().fetchSockets();
    }

    /**
     * The ids of this namespace's sockets on every node; see {@link BroadcastOperator#allSockets()}.
     *
     * @deprecated as in the reference: use {@link #fetchSockets()}
     */
    @Deprecated
    public CompletionStage<Set<String>> allSockets() {
        return all().allSockets();
    }

    public void socketsJoin(String... rooms) {
        all().socketsJoin(rooms);
    }

    public void socketsLeave(String... rooms) {
        all().socketsLeave(rooms);
    }

    public void disconnectSockets(boolean close) {
        all().disconnectSockets(close);
    }

    // ---------------------------------------------------------------- users

    /**
     * Targets the sockets of these users in this namespace (see {@link Socket#user()}); composable with {@code to},
     * {@code except}, {@code timeout} like any operator. {@link SocketIoServer#toUser} reaches every namespace.
     */
    public BroadcastOperator toUser(String... names) {
        return all().toUser(names);
    }

    /** Targets every socket of this namespace but those of these users. */
    public BroadcastOperator exceptUser(String... names) {
        return all().exceptUser(names);
    }

    /** The connected sockets of this user in this namespace, on every node (a snapshot). */
    public CompletionStage<List<RemoteSocket>> socketsOf(String name) {
        return toUser(name).fetchSockets();
    }

    /** Disconnects the sockets of this user in this namespace, as {@link BroadcastOperator#disconnectSockets}. */
    public void disconnectUser(String name, boolean close) {
        toUser(name).disconnectSockets(close);
    }

    // ---------------------------------------------------------------- server-side events

    /**
     * Handles events that other nodes of the cluster send with {@link #serverSideEmit} (the reference's
     * {@code io.on(event, handler)} for server-side events). The handler runs on the handler executor; its
     * {@link Ack} answers a {@link #serverSideEmitWithAck}, with its first argument.
     */
    public Namespace onServerSideEmit(String event, EventHandler handler) {
        ReservedEvents.check(event);
        serverSideHandlers.compute(event, (k, list) -> Listeners.plus(list, handler));
        return this;
    }

    /** Sends an event to the server-side handlers of this namespace on every other node (not to clients). */
    public void serverSideEmit(String event, Object... args) {
        ReservedEvents.check(event);
        adapter.serverSideEmit(eventData(event, args));
    }

    /**
     * As {@link #serverSideEmit}, and completes with one answer per other node (the first argument of its handler's
     * ack), or fails with a {@link ClusterTimeoutException} when not all answer within {@code timeoutMillis}.
     */
    public CompletionStage<List<Object>> serverSideEmitWithAck(long timeoutMillis, String event, Object... args) {
        ReservedEvents.check(event);
        if (timeoutMillis <= 0) throw new IllegalArgumentException("timeout must be positive");
        return server.completedOnHandlers(adapter.serverSideEmitWithAck(eventData(event, args), timeoutMillis));
    }

    static List<Object> eventData(String event, Object[] args) {
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        data.addAll(Arrays.asList(args));
        return data;
    }

    /** An event from another node: to this namespace's server-side handlers, on the handler executor. */
    void fireServerSideEvent(List<Object> data, Consumer<Object> ack) {
        if (data.isEmpty()) return;
        String event = Socket.eventName(data.get(0));
        List<EventHandler> handlers = serverSideHandlers.get(event);
        if (handlers == null) {
            LOG.log(Level.DEBUG, "no server-side handler for event {0} on {1}", event, name);
            return;
        }
        List<Object> args = data.subList(1, data.size());
        AtomicBoolean answered = new AtomicBoolean();
        Ack answer = ack == null ? Ack.NONE : reply -> {
            if (answered.compareAndSet(false, true)) ack.accept(reply.length == 0 ? null : reply[0]);
        };
        server.runOnHandlerExecutor(() -> {
            for (EventHandler h : handlers) {
                try {
                    h.handle(args, answer);
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "server-side handler for event \"" + event + "\" failed on " + name, e);
                }
            }
        });
    }

    @Override
    public String toString() {
        return "Namespace[" + name + "]";
    }
}
