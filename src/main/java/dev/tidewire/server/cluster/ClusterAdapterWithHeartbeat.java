package dev.tidewire.server.cluster;

import dev.tidewire.server.LocalNamespace;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClusterAdapter} that counts the nodes itself, as the reference's {@code ClusterAdapterWithHeartbeat}: a node
 * announces itself when its namespace starts, sends a heartbeat when it has sent nothing for
 * {@link ClusterOptions#heartbeatIntervalMillis()}, and is forgotten after {@link ClusterOptions#heartbeatTimeoutMillis()}
 * of silence or when it says it closes. Requests wait for exactly the nodes known when they were sent.
 */
public abstract class ClusterAdapterWithHeartbeat extends ClusterAdapter {
    private static final Logger LOG = System.getLogger("tidewire.socketio.cluster");
    private static final long CLEANUP_INTERVAL_MILLIS = 1_000;

    private final Map<String, Long> nodes = new ConcurrentHashMap<>(); // uid -> last heard of, ms
    private volatile long lastPublished;
    private volatile boolean closed;
    private volatile LocalNamespace.Timer heartbeat;
    private volatile LocalNamespace.Timer cleanup;

    protected ClusterAdapterWithHeartbeat(LocalNamespace local, ClusterOptions options) {
        super(local, options);
    }

    @Override
    public void init() {
        publish(MessageType.INITIAL_HEARTBEAT, null);
        scheduleHeartbeat(options.heartbeatIntervalMillis());
        scheduleCleanup();
    }

    @Override
    public void close() {
        closed = true;
        publish(MessageType.ADAPTER_CLOSE, null);
        LocalNamespace.Timer h = heartbeat;
        if (h != null) h.cancel();
        LocalNamespace.Timer c = cleanup;
        if (c != null) c.cancel();
    }

    @Override
    protected CompletionStage<String> publish(MessageType type, Map<String, Object> data) {
        lastPublished = local.nowMillis();
        return super.publish(type, data);
    }

    private void scheduleHeartbeat(long delay) {
        if (closed) return;
        heartbeat = local.schedule(() -> {
            long quiet = local.nowMillis() - lastPublished;
            if (quiet >= options.heartbeatIntervalMillis()) {
                publish(MessageType.HEARTBEAT, null);
                scheduleHeartbeat(options.heartbeatIntervalMillis());
            } else {
                scheduleHeartbeat(options.heartbeatIntervalMillis() - quiet);
            }
        }, delay);
    }

    private void scheduleCleanup() {
        if (closed) return;
        cleanup = local.schedule(() -> {
            long threshold = local.nowMillis() - options.heartbeatTimeoutMillis();
            nodes.forEach((node, lastSeen) -> {
                if (lastSeen < threshold) {
                    LOG.log(Level.INFO, "node {0} of {1} seems down: not heard of for {2} ms", node, local.name(),
                            options.heartbeatTimeoutMillis());
                    removeNode(node);
                }
            });
            scheduleCleanup();
        }, CLEANUP_INTERVAL_MILLIS);
    }

    private void removeNode(String node) {
        nodes.remove(node);
        forgetNode(node);
    }

    /** The other nodes this one knows of (their uids). */
    public final Set<String> nodes() {
        return Set.copyOf(nodes.keySet());
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1 + nodes.size());
    }

    @Override
    protected CompletionStage<Responders> responders() {
        return CompletableFuture.completedFuture(Responders.nodes(nodes.keySet()));
    }

    @Override
    protected boolean onNodeMessage(ClusterMessage message) {
        if (!message.uid().equals(EMITTER_UID)) nodes.put(message.uid(), local.nowMillis());
        switch (message.type()) {
            case INITIAL_HEARTBEAT -> publish(MessageType.HEARTBEAT, null);
            case ADAPTER_CLOSE -> removeNode(message.uid());
            default -> {
                return false;
            }
        }
        return true;
    }
}
