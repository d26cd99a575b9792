package dev.tidewire.server;

import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketType;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/** A client's connection to one namespace, as the reference's server-side {@code Socket}. */
public final class Socket implements RemoteSocket {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private final String id;
    private final Namespace namespace;
    private final Client client;
    private final Handshake handshake;
    private volatile Map<String, Object> data; // created on first use: most sockets never carry any
    // listener lists: immutable, replaced under this socket's lock (see Listeners)
    private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>(4);
    private volatile List<AnyListener> anyListeners = List.of();
    private volatile List<AnyListener> anyOutgoingListeners = List.of();
    private volatile List<EventMiddleware> eventMiddlewares = List.of();
    private volatile List<java.util.function.Consumer<Exception>> errorListeners = List.of();
    private volatile List<BiConsumer<Socket, DisconnectReason>> disconnectingListeners = List.of();
    private volatile List<BiConsumer<Socket, DisconnectReason>> disconnectListeners = List.of();
    private volatile Map<Long, PendingAck> pendingAcks; // created on first use: many sockets never ask for an ack
    private final AtomicBoolean disconnected = new AtomicBoolean();
    /** Joins, leaves and the final leave-all of this socket happen one at a time, so none outlives a disconnect. */
    private final Object membership = new Object();
    private volatile boolean connected;
    private volatile Principal user; // changed only under the membership lock, before the connection is accepted
    /** The private session id for connection state recovery (only this client learns it), or null when it is off. */
    private final String pid;
    private final boolean recovered;

    /**
     * Catch-all listener for events: those the client sends ({@link #onAny}) or those sent to it
     * ({@link #onAnyOutgoing}). Do not change {@code args}. {@code event} is {@code null} only for an incoming
     * EVENT packet that carried no data at all, which the reference accepts (then {@code args} is empty).
     */
    @FunctionalInterface
    public interface AnyListener {
        void onEvent(String event, List<Object> args) throws Exception;
    }

    Socket(String id, Namespace namespace, Client client, Handshake handshake) {
        this(id, namespace, client, handshake, null, false);
    }

    /** @param pid the private session id when connection state recovery is on, else null */
    Socket(String id, Namespace namespace, Client client, Handshake handshake, String pid, boolean recovered) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
        this.handshake = handshake;
        this.user = handshake.principal().orElse(null);
        this.pid = pid;
        this.recovered = recovered;
    }

    /** A socket restored by connection state recovery: the session's id, private id and data. */
    static Socket restored(RecoverableSession session, Namespace namespace, Client client, Handshake handshake) {
        Socket socket = new Socket(session.sid(), namespace, client, handshake, session.pid(), true);
        if (!session.data().isEmpty()) socket.data().putAll(session.data());
        return socket;
    }

    /**
     * Whether this socket was restored by connection state recovery (the reference's {@code socket.recovered}): same
     * id, rooms and data as before the client lost its connection, and the events it missed were sent again.
     */
    public boolean recovered() {
        return recovered;
    }

    /** The private session id with which a recovering client asks for this socket back, or null (recovery off). */
    String pid() {
        return pid;
    }

    @Override
    public String id() {
        return id;
    }

    public Namespace namespace() {
        return namespace;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    /** Application data attached to this socket. */
    @Override
    public Map<String, Object> data() {
        Map<String, Object> d = data;
        if (d == null) {
            synchronized (this) {
                if (data == null) data = new ConcurrentHashMap<>();
                d = data;
            }
        }
        return d;
    }

    private Map<Long, PendingAck> pendingAcks() {
        Map<Long, PendingAck> p = pendingAcks;
        if (p == null) {
            synchronized (this) {
                if (pendingAcks == null) pendingAcks = new ConcurrentHashMap<>();
                p = pendingAcks;
            }
        }
        return p;
    }

    public boolean connected() {
        return connected;
    }

    Client client() {
        return client;
    }

    /**
     * The underlying Engine.IO connection, as the reference's {@code socket.conn}: its state and events, shared by the
     * client's sockets in every namespace. It cannot unhook Socket.IO or write raw frames.
     */
    public Connection conn() {
        return client.connection();
    }

    /** The Engine.IO transport in use: {@code polling} or {@code websocket}. */
    public String transport() {
        return client.session().transport();
    }

    // ---------------------------------------------------------------- listeners

    public Socket on(String event, EventHandler handler) {
        handlers.compute(event, (k, list) -> Listeners.plus(list, handler));
        return this;
    }

    /** A handler whose first argument is bound to {@code type} with the server's {@link ValueBinder} (JSON-B). */
    public <T> Socket on(String event, Class<T> type, TypedEventHandler<T> handler) {
        return on(event, (args, ack) -> handler.handle(
                namespace.server().binder().bind(args.isEmpty() ? null : args.get(0), type), ack));
    }

    /**
     * Whether the event's handlers may run on the reading thread: all declared {@link EventHandler#nonBlocking},
     * and no catch-all listener or event middleware (which may block) installed.
     */
    boolean handlesInline(String event) {
        if (!anyListeners.isEmpty() || !eventMiddlewares.isEmpty()) return false;
        List<EventHandler> list = handlers.get(event);
        if (list == null) return false;
        for (EventHandler h : list) {
            if (!(h instanceof EventHandler.NonBlocking)) return false;
        }
        return true;
    }

    public Socket off(String event) {
        handlers.remove(event);
        return this;
    }

    /** Checks each incoming event before its handlers; a throw drops the event and reaches {@link #onError}. */
    public Socket use(EventMiddleware middleware) {
        synchronized (this) {
            eventMiddlewares = Listeners.plus(eventMiddlewares, middleware);
        }
        return this;
    }

    /** Told of events refused by an {@link EventMiddleware}. */
    public Socket onError(java.util.function.Consumer<Exception> listener) {
        synchronized (this) {
            errorListeners = Listeners.plus(errorListeners, listener);
        }
        return this;
    }

    /** A per-socket middleware for incoming events (the reference's {@code socket.use}). */
    @FunctionalInterface
    public interface EventMiddleware {
        void check(String event, List<Object> args) throws Exception;
    }

    /**
     * Called with every event the client sends, before event middlewares and handlers, also for events no handler
     * listens to (the reference's {@code socket.onAny}). A listener that throws is logged; the others still run.
     */
    public Socket onAny(AnyListener listener) {
        synchronized (this) {
            anyListeners = Listeners.plus(anyListeners, listener);
        }
        return this;
    }

    /** As {@link #onAny}, but called before the listeners added so far. */
    public Socket prependAny(AnyListener listener) {
        synchronized (this) {
            anyListeners = Listeners.prepend(anyListeners, listener);
        }
        return this;
    }

    /** Removes this listener of {@link #onAny} (once, if it was added twice). */
    public Socket offAny(AnyListener listener) {
        synchronized (this) {
            anyListeners = Listeners.minus(anyListeners, listener);
        }
        return this;
    }

    /** Removes every listener of {@link #onAny}. */
    public Socket offAny() {
        synchronized (this) {
            anyListeners = List.of();
        }
        return this;
    }

    /** The listeners of {@link #onAny}, in call order; an immutable snapshot. */
    public List<AnyListener> listenersAny() {
        return anyListeners;
    }

    /**
     * Called with every event sent to this client, with its name and arguments, as the reference's
     * {@code socket.onAnyOutgoing}: this socket's emits, and the broadcasts that reach it (from this node or, through
     * the adapter, from another). Acks sent to the client are not events and are left out, as are the events sent again
     * by connection state recovery. With recovery on, a broadcast's arguments end with its offset, as the client gets
     * them. The listener runs synchronously on the emitting thread, as in the reference, before the event is queued
     * for the client: outside the client's serial order, possibly on two threads at once (two emits to one socket) and
     * on a container I/O thread (an emit from a {@link EventHandler#nonBlocking} handler). So it must be short,
     * thread-safe and never block; hand anything slow to an executor. A listener that throws is logged; the others
     * still run and the event is sent.
     */
    public Socket onAnyOutgoing(AnyListener listener) {
        synchronized (this) {
            anyOutgoingListeners = Listeners.plus(anyOutgoingListeners, listener);
        }
        return this;
    }

    /** As {@link #onAnyOutgoing}, but called before the listeners added so far. */
    public Socket prependAnyOutgoing(AnyListener listener) {
        synchronized (this) {
            anyOutgoingListeners = Listeners.prepend(anyOutgoingListeners, listener);
        }
        return this;
    }

    /** Removes this listener of {@link #onAnyOutgoing} (once, if it was added twice). */
    public Socket offAnyOutgoing(AnyListener listener) {
        synchronized (this) {
            anyOutgoingListeners = Listeners.minus(anyOutgoingListeners, listener);
        }
        return this;
    }

    /** Removes every listener of {@link #onAnyOutgoing}. */
    public Socket offAnyOutgoing() {
        synchronized (this) {
            anyOutgoingListeners = List.of();
        }
        return this;
    }

    /** The listeners of {@link #onAnyOutgoing}, in call order; an immutable snapshot. */
    public List<AnyListener> listenersAnyOutgoing() {
        return anyOutgoingListeners;
    }

    /**
     * Tells the outgoing listeners of an event on its way to this client. {@code data} is the event's name then its
     * arguments, possibly shared with the other targets of a broadcast. Without listeners this is one volatile read.
     */
    void notifyOutgoing(List<Object> data) {
        List<AnyListener> listeners = anyOutgoingListeners;
        if (listeners.isEmpty()) return;
        String event = eventName(data.get(0));
        List<Object> args = Collections.unmodifiableList(data.subList(1, data.size()));
        for (AnyListener l : listeners) {
            try {
                l.onEvent(event, args);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "onAnyOutgoing listener failed on socket " + id, e);
            }
        }
    }

    /** Fired before the socket leaves its rooms ({@link #rooms()} is still populated). */
    public Socket onDisconnecting(BiConsumer<Socket, DisconnectReason> listener) {
        synchronized (this) {
            disconnectingListeners = Listeners.plus(disconnectingListeners, listener);
        }
        return this;
    }

    public Socket onDisconnect(BiConsumer<Socket, DisconnectReason> listener) {
        synchronized (this) {
            disconnectListeners = Listeners.plus(disconnectListeners, listener);
        }
        return this;
    }

    // ---------------------------------------------------------------- rooms

    /** Joins rooms; also allowed in a middleware (the rooms are left again if the connection is refused). */
    @Override
    public Socket join(String... rooms) {
        UserRooms.checkApplicationRooms(rooms);
        synchronized (membership) {
            if (!disconnected.get()) namespace.rooms().addAll(id, new LinkedHashSet<>(Arrays.asList(rooms)));
        }
        return this;
    }

    @Override
    public Socket leave(String room) {
        UserRooms.checkApplicationRoom(room);
        synchronized (membership) {
            if (!disconnected.get()) namespace.rooms().del(id, room);
        }
        return this;
    }

    @Override
    public Set<String> rooms() {
        return namespace.rooms().socketRooms(id);
    }

    // ---------------------------------------------------------------- user

    /**
     * Who this socket acts for: the principal the container authenticated on the handshake
     * ({@link Handshake#principal()}), unless a middleware set another with {@link #setUser}. The socket is in its
     * user's room in this namespace from the moment its connection is accepted, so {@code io.toUser(name)} reaches it.
     */
    public Optional<Principal> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Sets who this socket acts for, for example from a token in {@code handshake().auth()}; {@code null} for nobody.
     * Meant for namespace {@link Middleware}s: the user's room is joined when the connection is accepted, after them.
     *
     * @throws IllegalStateException once the connection is accepted, refused or closed
     */
    public Socket setUser(Principal user) {
        synchronized (membership) { // so that joinOwnRooms sees either the old user and a throw here, or the new one
            if (connected || disconnected.get()) {
                throw new IllegalStateException("the user of socket " + id
                        + " can only be set by a middleware, before the connection is accepted");
            }
            this.user = user;
        }
        return this;
    }

    /** The connection is accepted: joins the socket's own room and its user's room. */
    void joinOwnRooms() {
        synchronized (membership) {
            if (!disconnected.get()) namespace.rooms().addAll(id, ownRooms());
        }
    }

    private Set<String> ownRooms() {
        Principal u = user;
        String name = u == null ? null : u.getName();
        if (name == null || name.isEmpty()) return Set.of(id);
        Set<String> own = new LinkedHashSet<>(4);
        own.add(id);
        own.add(UserRooms.roomOf(name));
        return own;
    }

    // ---------------------------------------------------------------- emitting

    /**
     * Sends an event to this client. With connection state recovery on, it goes through the adapter to this socket's
     * own room, as in the reference, so that it gets an offset and is kept for a client that reconnects.
     */
    @Override
    public Socket emit(String event, Object... args) {
        return emit(true, event, args);
    }

    private Socket emit(boolean compress, String event, Object[] args) {
        if (pid != null) {
            ReservedEvents.check(event);
            namespace.adapter().broadcast(Namespace.eventData(event, args),
                    BroadcastOptions.toRooms(Set.of(id)).withCompress(compress));
        } else {
            sendEvent(event, args, SioPacket.NO_ACK, false, compress);
        }
        return this;
    }

    /**
     * {@code emit("message", args...)}: the reference's {@code socket.send}, which mimics {@code WebSocket.send()};
     * the client receives it with {@code socket.on("message", ...)}.
     */
    public Socket send(Object... args) {
        return emit("message", args);
    }

    /** {@link #send}, under the reference's other name for it ({@code socket.write}). */
    public Socket write(Object... args) {
        return send(args);
    }

    /** Sends an event and completes with the client's ack arguments (no time limit; fails on disconnect). */
    public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
        return emitWithAck(0, true, event, args);
    }

    /**
     * Sends an event and calls {@code callback} with the client's ack arguments, or with the error when the socket
     * disconnects first (the reference's {@code socket.emit(ev, ...args, ack)}).
     */
    public Socket emit(String event, AckCallback callback, Object... args) {
        tell(callback, emitWithAck(0, true, event, args));
        return this;
    }

    /** Flags for the next emit: a time limit on the ack. */
    public AckEmitter timeout(long millis) {
        return timeout(millis, true);
    }

    private AckEmitter timeout(long millis, boolean compress) {
        if (millis <= 0) throw new IllegalArgumentException("timeout must be positive");
        return new AckEmitter() {
            public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
                return Socket.this.emitWithAck(millis, compress, event, args);
            }
        };
    }

    /**
     * Whether the next emits may be compressed (the reference's {@code socket.compress(false).emit(...)}; true by
     * default): with {@code false}, a polling answer that carries only such packets is sent uncompressed whatever its
     * size. Over WebSocket the extension's threshold decides, as in the reference (see the README's "Compression").
     * The socket itself keeps no flag: the returned view sends with it.
     */
    public Emitter compress(boolean compress) {
        return new Emitter() {
            public Socket emit(String event, Object... args) {
                return Socket.this.emit(compress, event, args);
            }

            public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
                return Socket.this.emitWithAck(0, compress, event, args);
            }

            public Socket emit(String event, AckCallback callback, Object... args) {
                tell(callback, emitWithAck(event, args));
                return Socket.this;
            }

            public void emitVolatile(String event, Object... args) {
                sendEvent(event, args, SioPacket.NO_ACK, true, compress);
            }

            public AckEmitter timeout(long millis) {
                return Socket.this.timeout(millis, compress);
            }
        };
    }

    /** The emits of {@link #timeout}: they fail with {@link TimeoutException} when the client does not ack in time. */
    public interface AckEmitter {
        CompletionStage<List<Object>> emitWithAck(String event, Object... args);

        /** As {@link #emitWithAck}, the outcome handed to {@code callback}. */
        default void emit(String event, AckCallback callback, Object... args) {
            tell(callback, emitWithAck(event, args));
        }
    }

    /** The emits of {@link #compress}: as this socket's own, with the compression flag. */
    public interface Emitter {
        Socket emit(String event, Object... args);

        CompletionStage<List<Object>> emitWithAck(String event, Object... args);

        Socket emit(String event, AckCallback callback, Object... args);

        void emitVolatile(String event, Object... args);

        AckEmitter timeout(long millis);
    }

    /** Receives a server-requested ack: {@code error} is null and {@code args} the reply, or the reverse. */
    @FunctionalInterface
    public interface AckCallback {
        void onAck(Throwable error, List<Object> args);
    }

    private static void tell(AckCallback callback, CompletionStage<List<Object>> reply) {
        reply.whenComplete((args, error) -> callback.onAck(error, args));
    }

    /** Emits that are dropped when the transport cannot write at once. */
    public void emitVolatile(String event, Object... args) {
        sendEvent(event, args, SioPacket.NO_ACK, true, true);
    }

    private CompletionStage<List<Object>> emitWithAck(long timeoutMillis, boolean compress, String event,
                                                      Object[] args) {
        ReservedEvents.check(event); // before an ack id and a timer are taken, as the reference does
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        if (!connected) {
            result.completeExceptionally(new IllegalStateException("socket " + id + " is disconnected"));
            return result;
        }
        long ackId = namespace.nextAckId();
        PendingAck pending = new PendingAck(result);
        pendingAcks().put(ackId, pending); // before the timer: a short timeout may fire before the next statement
        if (timeoutMillis > 0) pending.arm(namespace.server().scheduler().schedule(() -> {
            // completed on the client's serial executor: callbacks chained by the application may block
            if (pendingAcks().remove(ackId) != null) client.runSerially(
                    () -> result.completeExceptionally(new TimeoutException("operation has timed out")));
        }, timeoutMillis));
        sendEvent(event, args, ackId, false, compress);
        return result;
    }

    /** Registers a pending ack for a broadcast already encoded with {@code ackId}; completes with the reply. */
    CompletableFuture<List<Object>> expectAck(long ackId) {
        CompletableFuture<List<Object>> reply = new CompletableFuture<>();
        pendingAcks().put(ackId, new PendingAck(reply));
        return reply;
    }

    void forgetAck(long ackId) {
        pendingAcks().remove(ackId);
    }

    private void sendEvent(String event, Object[] args, long ackId, boolean isVolatile, boolean compress) {
        ReservedEvents.check(event);
        List<Object> payload = new ArrayList<>(args.length + 1);
        payload.add(event);
        payload.addAll(Arrays.asList(args));
        notifyOutgoing(payload);
        write(new SioPacket(SioPacketType.EVENT, namespace.name(), ackId, payload), isVolatile, compress);
    }

    private void write(SioPacket packet, boolean isVolatile) {
        write(packet, isVolatile, true);
    }

    private void write(SioPacket packet, boolean isVolatile, boolean compress) {
        if (!connected) return;
        client.write(namespace.server().encode(packet, compress), isVolatile);
    }

    /** Broadcasts to every other socket of the namespace. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(namespace, Set.of(), Set.of(id), false);
    }

    /**
     * Broadcasts to every other socket of the namespace on this node only (the reference's {@code socket.local}): not
     * forwarded to the other nodes of a cluster.
     */
    public BroadcastOperator local() {
        return broadcast().local();
    }

    /** Broadcasts to these rooms, excluding this socket. */
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return broadcast().except(rooms);
    }

    // ---------------------------------------------------------------- disconnecting

    /**
     * Disconnects from this namespace ("server namespace disconnect"); with {@code close}, every namespace of the
     * client is disconnected and the connection closed.
     */
    @Override
    public void disconnect(boolean close) {
        if (close) {
            client.disconnectAllAndClose();
            return;
        }
        onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT,
                new SioPacket(SioPacketType.DISCONNECT, namespace.name(), SioPacket.NO_ACK, null));
    }

    public void disconnect() {
        disconnect(false);
    }

    // ---------------------------------------------------------------- called by Client

    /** A middleware refused the socket (or the client left meanwhile): leave the rooms joined so far. */
    void discard() {
        if (disconnected.compareAndSet(false, true)) leaveAllRooms();
    }

    void onConnected() {
        connected = true;
    }

    void writeConnectReply() {
        Map<String, Object> reply = client.protocol().connectReply(id, pid);
        client.write(namespace.server().encode(
                new SioPacket(SioPacketType.CONNECT, namespace.name(), SioPacket.NO_ACK, reply)), false);
    }

    /** Rejoins the application rooms of a restored session; its own and its user's room are joined already. */
    void rejoin(Set<String> rooms) {
        for (String room : rooms) {
            if (!room.equals(id) && !UserRooms.isReserved(room)) join(room);
        }
    }

    /** Sends again the events a restored session missed. */
    void resend(List<List<Object>> missed) {
        for (List<Object> data : missed) {
            write(new SioPacket(SioPacketType.EVENT, namespace.name(), SioPacket.NO_ACK, data), false);
        }
    }

    /** The event name of an EVENT payload: a string, or a number the protocol also allows. */
    static String eventName(Object first) {
        return first instanceof String s ? s : String.valueOf(first);
    }

    /**
     * @param payload the event name then its arguments, or {@code null} for an EVENT packet without data, which the
     *                reference's parser accepts: as its {@code socket.onevent}, only the catch-all listeners hear of it
     *                (with no name and no arguments); no middleware or handler runs, and nothing answers its ack id
     */
    void dispatchEvent(List<Object> payload, long ackId) {
        if (payload == null) {
            tellAnyListeners(null, List.of());
            return;
        }
        String event = eventName(payload.get(0));
        List<Object> args = payload.subList(1, payload.size());
        Ack ack = ackId == SioPacket.NO_ACK ? Ack.NONE : ackFor(ackId);
        tellAnyListeners(event, args);
        for (EventMiddleware m : eventMiddlewares) {
            try {
                m.check(event, args);
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "event \"{0}\" refused on socket {1}: {2}", event, id, e.toString());
                for (java.util.function.Consumer<Exception> l : errorListeners) l.accept(e);
                return; // dropped, as the reference drops an event its socket middleware refuses
            }
        }
        List<EventHandler> list = handlers.get(event);
        if (list == null) {
            LOG.log(Level.TRACE, "no handler for event {0} on {1}", event, namespace.name());
            return;
        }
        for (EventHandler h : list) {
            try {
                h.handle(args, ack);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "handler for event \"" + event + "\" failed on socket " + id, e);
            }
        }
    }

    private void tellAnyListeners(String event, List<Object> args) {
        for (AnyListener l : anyListeners) {
            try {
                l.onEvent(event, args);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "onAny listener failed on socket " + id, e);
            }
        }
    }

    private Ack ackFor(long ackId) {
        AtomicBoolean sent = new AtomicBoolean();
        return ackArgs -> {
            if (!sent.compareAndSet(false, true)) return;
            write(new SioPacket(SioPacketType.ACK, namespace.name(), ackId, new ArrayList<>(Arrays.asList(ackArgs))), false);
        };
    }

    /** @param args the client's ack arguments; empty for an ACK packet without data, which the reference accepts */
    void onAck(long ackId, List<Object> args) {
        Map<Long, PendingAck> acks = pendingAcks;
        PendingAck pending = acks == null ? null : acks.remove(ackId);
        if (pending == null) return; // unknown or timed out: ignored, as the reference does
        pending.cancelTimer();
        pending.result.complete(args);
    }

    /** Whether leaving runs no user code: no disconnect(ing) listeners and no ack awaited from the client. */
    boolean closesQuietly() {
        Map<Long, PendingAck> acks = pendingAcks;
        return disconnectingListeners.isEmpty() && disconnectListeners.isEmpty() && (acks == null || acks.isEmpty());
    }

    /** Leaves the namespace: disconnecting listeners, rooms left, disconnect listeners. Runs once. */
    void onClose(DisconnectReason reason) {
        onClose(reason, null);
    }

    /**
     * @param farewell a packet for the client, sent once this close has won, before its listeners run: the client may
     *                 close its transport as soon as it reads it, and that close, read on another thread, must find
     *                 the reason already decided
     */
    private void onClose(DisconnectReason reason, SioPacket farewell) {
        if (!connected || !disconnected.compareAndSet(false, true)) return;
        if (farewell != null) write(farewell, false);
        namespace.server().counters().disconnected(reason);
        for (BiConsumer<Socket, DisconnectReason> l : disconnectingListeners) safely(l, reason);
        if (pid != null && reason.isRecoverable()) {
            Map<String, Object> d = data;
            namespace.adapter().persistSession(new RecoverableSession(id, pid, rooms(), d == null ? Map.of() : d,
                    List.of()));
        }
        leaveAllRooms();
        namespace.removeSocket(this);
        client.removeSocket(this);
        connected = false;
        Map<Long, PendingAck> acks = pendingAcks;
        if (acks != null) {
            for (PendingAck p : acks.values()) {
                p.cancelTimer();
                p.result.completeExceptionally(new IllegalStateException("socket disconnected: " + reason));
            }
            acks.clear();
        }
        for (BiConsumer<Socket, DisconnectReason> l : disconnectListeners) safely(l, reason);
        LOG.log(Level.DEBUG, "socket {0} left {1}: {2}", id, namespace.name(), reason);
    }

    /** After {@code disconnected} is set: a join still running finishes first, and no join can follow. */
    private void leaveAllRooms() {
        synchronized (membership) {
            namespace.rooms().delAll(id);
        }
    }

    private void safely(BiConsumer<Socket, DisconnectReason> listener, DisconnectReason reason) {
        try {
            listener.accept(this, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "disconnect listener failed on socket " + id, e);
        }
    }

    /** An ack the server awaits; its timeout, if any, is armed once the entry is registered. */
    private static final class PendingAck {
        final CompletableFuture<List<Object>> result;
        private volatile Scheduler.Timer timer;

        PendingAck(CompletableFuture<List<Object>> result) {
            this.result = result;
        }

        /** Keeps the armed timeout; cancels it at once if the ack was settled meanwhile. */
        void arm(Scheduler.Timer armed) {
            timer = armed;
            if (result.isDone()) armed.cancel();
        }

        void cancelTimer() {
            Scheduler.Timer t = timer;
            if (t != null) t.cancel();
        }
    }

    @Override
    public String toString() {
        return "Socket[" + id + " " + namespace.name() + "]";
    }
}
