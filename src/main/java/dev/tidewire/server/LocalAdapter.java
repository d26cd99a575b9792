package dev.tidewire.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The single-node adapter ({@link AdapterFactory#LOCAL}): every operation is carried out on this node only. */
final class LocalAdapter implements Adapter {
    private static final Logger LOG = System.getLogger("tidewire.socketio.adapter");

    private final LocalNamespace local;

    LocalAdapter(LocalNamespace local) {
        this.local = local;
    }

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        local.broadcast(data, options);
    }

    @Override
    public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                 Consumer<Object> ack) {
        local.broadcastWithAck(data, options, clientCount, ack);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        return CompletableFuture.completedFuture(List.copyOf(local.fetchSockets(options)));
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        local.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        local.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        local.disconnectSockets(options, close);
    }

    /** As the reference's in-memory adapter: there is no other node to tell, which is worth a warning. */
    @Override
    public void serverSideEmit(List<Object> data) {
        LOG.log(Level.WARNING, "serverSideEmit on {0} reaches no other node: this server is not in a cluster "
                + "(set an adapter, e.g. tidewire.adapter=redis)", local.name());
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
        serverSideEmit(data);
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }
}
