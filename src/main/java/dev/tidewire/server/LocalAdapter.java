package dev.tidewire.server;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The single-node adapter ({@link AdapterFactory#LOCAL}): every operation is carried out on this node only. With
 * connection state recovery on, it keeps what recovery needs in a {@link SessionLog}.
 */
final class LocalAdapter implements Adapter {
    private static final Logger LOG = System.getLogger("tidewire.socketio.adapter");

    private final LocalNamespace local;
    private final SessionLog sessions; // null when recovery is off

    LocalAdapter(LocalNamespace local) {
        this.local = local;
        this.sessions = local.recovery().map(r -> new SessionLog(r, local::nowMillis)).orElse(null);
    }

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        // a volatile packet may be dropped anyway: the reference keeps none for recovery
        local.broadcast(sessions == null || options.isVolatile() ? data : sessions.append(data, options), options);
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
        LOG.log(Level.WARNING, "serverSideEmit on {0} reaches no other node: this server is not in a cluster",
                local.name());
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
        serverSideEmit(data);
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public void persistSession(RecoverableSession session) {
        if (sessions != null) sessions.persist(session);
    }

    @Override
    public CompletionStage<Optional<RecoverableSession>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(sessions == null ? Optional.empty() : sessions.restore(pid, offset));
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }
}
