package dev.tidewire.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * A dynamic namespace (from a pattern or predicate). Its children are created on the first matching CONNECT and
 * inherit its middlewares and connection listeners; emitting on the parent broadcasts to every child.
 */
public final class ParentNamespace extends Namespace {
    private final BiPredicate<String, Map<String, Object>> predicate;
    private final List<Middleware> parentMiddlewares = new CopyOnWriteArrayList<>();
    private final List<Consumer<Socket>> parentListeners = new CopyOnWriteArrayList<>();
    private final List<Namespace> children = new CopyOnWriteArrayList<>();

    ParentNamespace(SocketIoServer server, String name, BiPredicate<String, Map<String, Object>> predicate) {
        super(server, name, null);
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

    @Override
    public List<Socket> fetchSockets() {
        throw new UnsupportedOperationException("fetchSockets() is not supported on a parent namespace");
    }

    @Override
    public BroadcastOperator to(String... rooms) {
        throw new UnsupportedOperationException("use a child namespace to target rooms");
    }

    @Override
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    @Override
    public BroadcastOperator except(String... rooms) {
        throw new UnsupportedOperationException("use a child namespace to exclude rooms");
    }

    @Override
    public BroadcastOperator toUser(String... names) {
        throw new UnsupportedOperationException("use a child namespace, or the server's toUser, to target users");
    }

    @Override
    public BroadcastOperator exceptUser(String... names) {
        throw new UnsupportedOperationException("use a child namespace to exclude users");
    }

    @Override
    public BroadcastOperator asVolatile() {
        throw new UnsupportedOperationException("use a child namespace for volatile broadcasts");
    }

    @Override
    public BroadcastOperator timeout(long millis) {
        throw new UnsupportedOperationException("use a child namespace for broadcasts with acks");
    }
}
