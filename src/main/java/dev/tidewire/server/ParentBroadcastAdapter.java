package dev.tidewire.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The adapter of a {@link ParentNamespace}, which has no socket of its own: broadcasts, joins, leaves and disconnects
 * go to each child through the child's adapter, so they reach the child's sockets on every node.
 */
final class ParentBroadcastAdapter implements Adapter {
    private final NamespaceNode parent;

    ParentBroadcastAdapter(LocalNamespace parent) {
        this.parent = (NamespaceNode) parent;
    }

    private List<Namespace> children() {
        return ((ParentNamespace) parent.namespace()).childList();
    }

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        for (Namespace child : children()) child.adapter().broadcast(data, options);
    }

    /** Refused by {@link ParentNamespace#timeout}; reached only through this SPI directly. */
    @Override
    public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                 Consumer<Object> ack) {
        clientCount.accept(0);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        return CompletableFuture.completedFuture(new ArrayList<>());
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        for (Namespace child : children()) child.adapter().addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        for (Namespace child : children()) child.adapter().delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        for (Namespace child : children()) child.adapter().disconnectSockets(options, close);
    }

    /** Refused by {@link ParentNamespace#serverSideEmit}: children may differ from node to node. */
    @Override
    public void serverSideEmit(List<Object> data) {
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }
}
