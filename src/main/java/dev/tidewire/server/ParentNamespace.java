package dev.tidewire.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * A dynamic namespace (from a pattern or predicate). Its children are created on the first matching CONNECT and
 * inherit its middlewares and connection listeners. Emitting on the parent broadcasts to every child, also to rooms
 * ({@code parent.to("news").emit(...)} reaches the room in each child), through each child's adapter.
 */
public final class ParentNamespace extends Namespace {
    private final BiPredicate<String, Map<String, Object>> predicate;
    private final List<Middleware> parentMiddlewares = new CopyOnWriteArrayList<>();
    private final List<Consumer<Socket>> parentListeners = new CopyOnWriteArrayList<>();
    private final List<Namespace> children = new CopyOnWriteArrayList<>();

    ParentNamespace(SocketIoServer server, String name, BiPredicate<String, Map<String, Object>> predicate) {
        super(server, name, null, ParentBroadcastAdapter::new);
        this.predicate = predicate;
    }

    boolean matches(String name, Map<String, Object> auth) {
        return predicate.test(name, auth);
    }

    Namespace createChild(String name) {
        Namespace child = new Namespace(server(), name, this);
        children.add(child);
        return child;
    }

    public List<Namespace> children() {
        return List.copyOf(children);
    }

    /** The live list, for the parent's adapter. */
    List<Namespace> childList() {
        return children;
    }

    @Override
    public ParentNamespace use(Middleware middleware) {
        parentMiddlewares.add(middleware);
        return this;
    }

    @Override
    public ParentNamespace onConnection(Consumer<Socket> listener) {
        parentListeners.add(listener);
        return this;
    }

    List<Middleware> middlewaresFor(List<Middleware> own) {
        if (own.isEmpty()) return parentMiddlewares;
        List<Middleware> all = new ArrayList<>(parentMiddlewares);
        all.addAll(own);
        return all;
    }

    Collection<Consumer<Socket>> connectionListenersFor(List<Consumer<Socket>> own) {
        if (own.isEmpty()) return parentListeners;
        List<Consumer<Socket>> all = new ArrayList<>(parentListeners);
        all.addAll(own);
        return all;
    }

    @Override
    public void emit(String event, Object... args) {
        for (Namespace child : children) child.emit(event, args);
    }

    /**
     * Not supported, as in the reference: a child namespace may exist on one node of a cluster and not on another.
     * Ask each child namespace.
     */
    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        throw new UnsupportedOperationException("fetchSockets() is not supported on a parent namespace");
    }

    @Override
    public BroadcastOperator timeout(long millis) {
        throw new UnsupportedOperationException("use a child namespace for broadcasts with acks");
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        throw new UnsupportedOperationException("use a child namespace for server-side events");
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(long timeoutMillis, String event, Object... args) {
        throw new UnsupportedOperationException("use a child namespace for server-side events");
    }
}
