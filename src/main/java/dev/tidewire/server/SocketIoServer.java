package dev.tidewire.server;

import dev.tidewire.internal.engine.ConnectionListener;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.RequestHooks;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.parser.CustomSioParser;
import dev.tidewire.internal.parser.JsonFallback;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketDecoder;
import dev.tidewire.internal.parser.SioParser;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The Socket.IO server: namespaces (static and dynamic), and the clients of an Engine.IO server. Methods that take
 * no namespace act on the main namespace {@code /}, as {@code io.emit}, {@code io.on("connection")} do.
 */
public final class SocketIoServer implements ConnectionListener {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private final SocketIoOptions options;
    private final Scheduler scheduler;
    private final Executor handlerExecutor;
    private final UnaryOperator<Runnable> taskDecorator;
    private final ValueBinder binder;
    private final JsonFallback jsonFallback;
    private final SioParser parser;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final List<ParentNamespace> parents = new CopyOnWriteArrayList<>();
    private final Map<EngineSession, Client> clients = new ConcurrentHashMap<>();
    private final List<Consumer<Namespace>> newNamespaceListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Namespace>> removedNamespaceListeners = new CopyOnWriteArrayList<>();
    private final SocketCounters counters = new SocketCounters();
    private final ClosingSessions closingSessions = new ClosingSessions();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TransactionHook transactionHook = TransactionHook.NONE;
    private final EngineHooks engineHooks = new EngineHooks(RequestHooks.bind(this));

    /**
     * @param handlerExecutor runs application handlers (they may block); the container's managed executor
     * @param taskDecorator   wraps each handler task (e.g. to activate the CDI request context)
     */
    public SocketIoServer(SocketIoOptions options, Scheduler scheduler, Executor handlerExecutor,
                          UnaryOperator<Runnable> taskDecorator, ValueBinder binder) {
        this.options = options;
        this.scheduler = scheduler;
        this.handlerExecutor = handlerExecutor;
        this.taskDecorator = taskDecorator == null ? UnaryOperator.identity() : taskDecorator;
        this.binder = binder;
        this.jsonFallback = binder == null ? null : binder::toJson;
        this.parser = options.customParser() != null ? new CustomSioParser(options.customParser())
                : options.parser().implementation();
        of("/");
    }

    public SocketIoOptions options() {
        return options;
    }

    /**
     * Hooks into the Engine.IO server under this one (the reference's {@code io.engine}): refused requests, response
     * headers, session ids, a message after the open packet. They reach the engine made with this server as its
     * connection listener, which is how the Jakarta EE glue makes it.
     */
    public EngineHooks engine() {
        return engineHooks;
    }

    /** Figures since start, for monitoring. */
    ClosingSessions closingSessions() {
        return closingSessions;
    }

    public SocketCounters counters() {
        return counters;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ValueBinder binder() {
        if (binder == null) throw new IllegalStateException("no ValueBinder configured for typed handlers");
        return binder;
    }

    /** Writes values the codec does not know (POJOs) as JSON, or refuses them when no binder is configured. */
    JsonFallback jsonFallback() {
        return jsonFallback == null ? JsonFallback.REJECT : jsonFallback;
    }

    /** A queue of tasks run one at a time, in order, on the handler executor. */
    SerialExecutor newSerialExecutor(int maxPending) {
        return new SerialExecutor(handlerExecutor, maxPending, taskDecorator);
    }

    /**
     * Encodes a packet once, with the configured parser; the returned engine packets may be written to any number of
     * clients.
     */
    List<Packet> encode(SioPacket packet) {
        return parser.encode(packet, jsonFallback);
    }

    /** A decoder of the configured parser, for one client. */
    SioPacketDecoder newDecoder() {
        return parser.newDecoder(options.parserLimits());
    }

    /** As {@link #encode(SioPacket)}; with {@code compress} false the packets say they must not be compressed. */
    List<Packet> encode(SioPacket packet, boolean compress) {
        List<Packet> encoded = encode(packet);
        if (compress) return encoded;
        List<Packet> out = new ArrayList<>(encoded.size());
        for (Packet p : encoded) out.add(p.withCompress(false));
        return out;
    }

    // ---------------------------------------------------------------- namespaces

    /** The namespace with this name, created on first use (a leading {@code /} is added when missing). */
    public Namespace of(String name) {
        String n = name.startsWith("/") ? name : "/" + name;
        Namespace existing = namespaces.get(n);
        return existing != null ? existing : putIfAbsent(n, k -> {
            for (ParentNamespace parent : parents) {
                if (parent.matches(k, Map.of())) return parent.createChild(k);
            }
            return new Namespace(this, k, null);
        });
    }

    /**
     * Calls {@code listener} with each namespace created from now on, static or a dynamic child, once
     * {@link #namespaces()} holds it (the reference's {@code io.on("new_namespace")}). The main namespace {@code /}
     * exists from the start and, as in the reference, is never announced. Namespaces created before are not replayed:
     * to cover them too, add the listener first, then walk {@link #namespaces()}; one created in between may reach
     * both ways, so act once per namespace. A listener runs on the creating thread, before a CONNECT that created the
     * namespace is handled. A listener that throws is logged; the others still run.
     */
    public SocketIoServer onNewNamespace(Consumer<Namespace> listener) {
        newNamespaceListeners.add(listener);
        return this;
    }

    /**
     * Tells {@code listener} of each dynamic child that {@link SocketIoOptions#cleanupEmptyChildNamespaces()} removed,
     * after its adapter is closed: what was kept for it (a registration, per-namespace state) can go. A later CONNECT
     * to that name creates a new namespace, of which {@link #onNewNamespace} tells.
     */
    public SocketIoServer onNamespaceRemoved(Consumer<Namespace> listener) {
        removedNamespaceListeners.add(listener);
        return this;
    }

    void fireNamespaceRemoved(Namespace namespace) {
        for (Consumer<Namespace> l : removedNamespaceListeners) {
            try {
                l.accept(namespace);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "removed-namespace listener failed for " + namespace.name(), e);
            }
        }
    }

    /**
     * Calls {@code action} once with every namespace: those there are now, then each created later (the main namespace
     * included, dynamic children too). A child removed when empty and created anew is a new namespace and is met again.
     * This is {@link #onNewNamespace} plus a walk of {@link #namespaces()}, with the namespace created in between met
     * once; the namespaces met are held weakly.
     */
    public SocketIoServer onEachNamespace(Consumer<Namespace> action) {
        Set<Namespace> met = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        Consumer<Namespace> once = n -> {
            if (met.add(n)) action.accept(n);
        };
        onNewNamespace(once); // before the walk: a namespace created meanwhile is then not missed
        namespaces().values().forEach(once);
        return this;
    }

    /** Creates the namespace unless it exists; listeners hear of a new one after it is in the map. */
    private Namespace putIfAbsent(String name, Function<String, Namespace> create) {
        Namespace[] created = new Namespace[1];
        Namespace namespace = namespaces.computeIfAbsent(name, k -> created[0] = create.apply(k));
        if (created[0] != null) {
            for (Consumer<Namespace> l : newNamespaceListeners) {
                try {
                    l.accept(created[0]);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "new-namespace listener failed for " + name, e);
                }
            }
        }
        return namespace;
    }

    /** A dynamic namespace: children are created on the first CONNECT whose name matches. */
    public ParentNamespace of(Pattern pattern) {
        return ofPredicate((name, auth) -> pattern.matcher(name).matches());
    }

    /** A dynamic namespace decided by a predicate over the namespace name and the CONNECT auth payload. */
    public ParentNamespace ofPredicate(BiPredicate<String, Map<String, Object>> predicate) {
        ParentNamespace parent = new ParentNamespace(this, "/_" + parents.size(), predicate);
        parents.add(parent);
        return parent;
    }

    /** The main namespace {@code /}. */
    public Namespace sockets() {
        return of("/");
    }

    /** Finds or (for a dynamic match) creates the namespace a client asks for; {@code null} when none. */
    /** A namespace already created (static, or a child of a parent), without consulting the parents. */
    Namespace existingNamespace(String name) {
        return namespaces.get(name);
    }

    /** Takes a child out that {@link SocketIoOptions#cleanupEmptyChildNamespaces()} removes. */
    void removeNamespace(Namespace namespace) {
        namespaces.remove(namespace.name(), namespace);
    }

    /**
     * {@link #resolve} for a CONNECT, which the namespace then keeps until it is admitted or ends (see
     * {@link Namespace#enter}); a child removed in between is created anew.
     */
    Namespace resolveToConnect(String name, Map<String, Object> auth) {
        while (true) {
            Namespace namespace = resolve(name, auth);
            if (namespace == null || namespace.enter()) return namespace;
        }
    }

    Namespace resolve(String name, Map<String, Object> auth) {
        Namespace existing = namespaces.get(name);
        if (existing != null) return existing;
        for (ParentNamespace parent : parents) {
            if (parent.matches(name, auth)) {
                return putIfAbsent(name, parent::createChild);
            }
        }
        return null;
    }

    public Map<String, Namespace> namespaces() {
        return Map.copyOf(namespaces);
    }

    public SocketIoServer onConnection(Consumer<Socket> listener) {
        sockets().onConnection(listener);
        return this;
    }

    /** As the reference's {@code io.on("connection", ...)}; {@code "connect"} is accepted too. */
    public SocketIoServer on(String event, Consumer<Socket> listener) {
        sockets().on(event, listener);
        return this;
    }

    public SocketIoServer use(Middleware middleware) {
        sockets().use(middleware);
        return this;
    }

    public void emit(String event, Object... args) {
        sockets().emit(event, args);
    }

    /** {@code emit("message", args...)} on the main namespace, the reference's {@code io.send}. */
    public void send(Object... args) {
        sockets().send(args);
    }

    /** {@link #send}, under the reference's other name for it ({@code io.write}). */
    public void write(Object... args) {
        send(args);
    }

    public BroadcastOperator to(String... rooms) {
        return sockets().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return sockets().in(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return sockets().except(rooms);
    }

    public BroadcastOperator asVolatile() {
        return sockets().asVolatile();
    }

    public BroadcastOperator timeout(long millis) {
        return sockets().timeout(millis);
    }

    /** The reference's {@code io.compress(false)}: see {@link BroadcastOperator#compress}. */
    public BroadcastOperator compress(boolean compress) {
        return sockets().compress(compress);
    }

    /** This node only (the reference's {@code io.local}): not forwarded to the other nodes of a cluster. */
    public BroadcastOperator local() {
        return sockets().local();
    }

    /** The sockets of the main namespace on every node; see {@link BroadcastOperator#fetchSockets()}. */
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        return sockets().fetchSockets();
    }

    /**
     * The ids of the main namespace's sockets on every node; see {@link BroadcastOperator#allSockets()}.
     *
     * @deprecated as in the reference: use {@link #fetchSockets()}
     */
    @Deprecated
    public CompletionStage<Set<String>> allSockets() {
        return sockets().allSockets();
    }

    /** See {@link Namespace#serverSideEmit}, on the main namespace. */
    public void serverSideEmit(String event, Object... args) {
        sockets().serverSideEmit(event, args);
    }

    /** See {@link Namespace#serverSideEmitWithAck}, on the main namespace. */
    public CompletionStage<List<Object>> serverSideEmitWithAck(long timeoutMillis, String event, Object... args) {
        return sockets().serverSideEmitWithAck(timeoutMillis, event, args);
    }

    /** See {@link Namespace#onServerSideEmit}, on the main namespace. */
    public SocketIoServer onServerSideEmit(String event, EventHandler handler) {
        sockets().onServerSideEmit(event, handler);
        return this;
    }

    /** The number of nodes in the cluster, this one included (1 without a cluster adapter). */
    public CompletionStage<Integer> serverCount() {
        return completedOnHandlers(sockets().adapter().serverCount());
    }

    /**
     * Held until the caller's transaction commits, dropped on rollback, at once without a transaction:
     * {@code io.afterCommit().to("orders").emit("order", order)}. See {@link BroadcastOperator#afterCommit()}.
     */
    public BroadcastOperator afterCommit() {
        return sockets().afterCommit();
    }

    /** Installs how {@link #afterCommit()} finds the caller's transaction; the Jakarta EE glue installs JTA's. */
    public SocketIoServer transactionHook(TransactionHook hook) {
        this.transactionHook = hook == null ? TransactionHook.NONE : hook;
        return this;
    }

    TransactionHook transactionHook() {
        return transactionHook;
    }

    // ---------------------------------------------------------------- users

    /**
     * Reaches every socket of these users, in every namespace. A user is the name of a socket's
     * {@link Socket#user()}: the container's authenticated principal, or the one a middleware set.
     *
     * @throws IllegalArgumentException for no name or an empty one
     */
    public UserBroadcast toUser(String... names) {
        return new UserBroadcast(this, names);
    }

    /** The connected sockets of this user in every namespace, on every node (a snapshot). */
    public CompletionStage<List<RemoteSocket>> socketsOf(String name) {
        return toUser(name).fetchSockets();
    }

    /** Disconnects every socket of this user, in every namespace; see {@link UserBroadcast#disconnectSockets}. */
    public void disconnectUser(String name, boolean close) {
        toUser(name).disconnectSockets(close);
    }

    // ---------------------------------------------------------------- clients

    /** Called by the engine for each new session. */
    @Override
    public void onConnection(EngineSession session) {
        if (closed.get()) {
            session.close();
            return;
        }
        Client client = new Client(this, session, new SerialExecutor(handlerExecutor, options.maxPendingEvents(), taskDecorator));
        clients.put(session, client);
        session.setListener(client);
        client.startConnectTimer(options.connectTimeout());
        client.connectMainNamespaceIfImplicit();
    }

    void runOnHandlerExecutor(Runnable task) {
        handlerExecutor.execute(taskDecorator.apply(task));
    }

    /**
     * The stage of an operation that waits for other nodes, completed on the handler executor: an adapter completes
     * it on the namespace's cluster queue, which what the application chains to it would hold up if it blocked. A
     * stage already complete (one node, or {@code local()}) is returned as is: what is chained runs on the caller's
     * thread, which holds up nothing of ours.
     */
    <T> CompletionStage<T> completedOnHandlers(CompletionStage<T> stage) {
        if (stage instanceof CompletableFuture<T> future && future.isDone()) return future;
        CompletableFuture<T> handed = new CompletableFuture<>();
        stage.whenComplete((value, error) -> {
            Runnable complete = () -> {
                if (error != null) handed.completeExceptionally(error);
                else handed.complete(value);
            };
            try {
                runOnHandlerExecutor(complete);
            } catch (RejectedExecutionException e) {
                complete.run(); // the executor is shutting down: still end the stage
            }
        });
        return handed;
    }

    void removeClient(Client client) {
        clients.remove(client.session(), client);
    }

    static final long CLOSE_WAIT_SECONDS = 5;

    public int clientCount() {
        return clients.size();
    }

    /** Events received and not yet handed to their handlers, over all clients; read now, for monitoring. */
    public int pendingEvents() {
        int n = 0;
        for (Client c : clients.values()) n += c.pendingEvents();
        return n;
    }

    /**
     * Disconnects every socket with "server shutting down", each in its client's order (after the handler in flight),
     * and waits up to {@link #CLOSE_WAIT_SECONDS} for their disconnect listeners, then closes the adapters. The engine
     * itself is shut down by its owner. A second call, or one after {@link #closeAsync}, does nothing.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        CompletableFuture<Void> left = disconnectAll();
        try {
            left.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            warnListenersStillRunning();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "closing sockets at shutdown failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAdapters();
    }

    /**
     * {@link #close()} without blocking the caller, as the reference's {@code io.close(callback)}: the stage completes
     * once every socket has left with "server shutting down" (their disconnect listeners waited for up to
     * {@link #CLOSE_WAIT_SECONDS}, on the server's scheduler) and the adapters are closed. That last step runs on the
     * thread that completes the wait: a handler thread, the scheduler's, or the caller's when no socket is connected.
     * The stage fails with an {@link IllegalStateException} when the server was already closed, as the reference's
     * callback gets an error when its HTTP server is not running. The engine is shut down by its owner.
     */
    public CompletionStage<Void> closeAsync() {
        if (!closed.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Socket.IO server is already closed"));
        }
        CompletableFuture<Void> left = disconnectAll();
        CompletableFuture<Void> waited = new CompletableFuture<>();
        Scheduler.Timer limit = scheduler.schedule(() -> {
            if (waited.complete(null)) warnListenersStillRunning();
        }, TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        left.whenComplete((done, error) -> {
            limit.cancel();
            waited.complete(null);
        });
        return waited.thenRun(this::closeAdapters);
    }

    /** Every client closes with "server shutting down"; completed once all their sockets have left. */
    private CompletableFuture<Void> disconnectAll() {
        List<CompletableFuture<Void>> left = new ArrayList<>();
        for (Client c : new ArrayList<>(clients.values())) left.add(c.closeNow(DisconnectReason.SERVER_SHUTTING_DOWN));
        return CompletableFuture.allOf(left.toArray(CompletableFuture[]::new));
    }

    private static void warnListenersStillRunning() {
        LOG.log(Level.WARNING, "disconnect listeners still running after {0} s at shutdown; not waiting longer",
                CLOSE_WAIT_SECONDS);
    }

    private void closeAdapters() {
        for (Namespace n : namespaces.values()) {
            try {
                n.adapter().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the adapter of " + n.name() + " failed", e);
            }
            n.rooms().clear();
        }
        try {
            options.adapterFactory().close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the adapter factory failed", e);
        }
        LOG.log(Level.DEBUG, "Socket.IO server closed");
    }
}
