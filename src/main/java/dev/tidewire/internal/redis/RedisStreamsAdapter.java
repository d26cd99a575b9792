package dev.tidewire.internal.redis;

import dev.tidewire.server.LocalNamespace;
import dev.tidewire.server.RecoverableSession;
import dev.tidewire.server.RecoveryOptions;
import dev.tidewire.server.cluster.ClusterAdapter;
import dev.tidewire.server.cluster.ClusterMessage;
import dev.tidewire.server.cluster.ClusterOptions;
import dev.tidewire.server.cluster.MessageType;
import io.lettuce.core.XAddArgs;

import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A namespace's adapter over Redis Streams, speaking the reference's {@code @socket.io/redis-streams-adapter} 0.3
 * protocol (the {@code ClusterAdapter} messages of socket.io-adapter): what every node must see, and a recovering
 * client may have missed (broadcasts without acks, room changes, disconnections), is added to the stream, which
 * every node reads ({@link StreamReader}); what only makes sense now (requests, broadcasts with acks) goes over
 * pub/sub on {@code <prefix>#<nsp>#}, and answers on the requester's {@code <prefix>#<nsp>#<uid>#}. The nodes are
 * counted with {@code PUBSUB NUMSUB} on the public channel.
 * <p>
 * Disconnected sessions are kept in Redis ({@link RedisSessionStore}), so that a client may recover on any node.
 */
final class RedisStreamsAdapter extends ClusterAdapter {
    private final RedisLink link;
    private final StreamReader reader;
    private final RedisSessionStore sessions;
    private final String stream;
    private final long maxLen;
    private final String publicChannel;
    private final String privateChannel;
    private final String channelPrefix;
    private volatile boolean closed;

    RedisStreamsAdapter(LocalNamespace local, RedisStreamsOptions options, RedisLink link, StreamReader reader,
                        RedisSessionStore sessions) {
        super(local, new ClusterOptions(ClusterOptions.DEFAULTS.heartbeatIntervalMillis(),
                ClusterOptions.DEFAULTS.heartbeatTimeoutMillis(), options.requestsTimeoutMillis()));
        this.link = link;
        this.reader = reader;
        this.sessions = sessions;
        this.stream = options.streamName();
        this.maxLen = options.maxLen();
        this.channelPrefix = options.channelPrefix();
        this.publicChannel = channelPrefix + "#" + local.name() + "#";
        this.privateChannel = channelOf(uid());
    }

    private String channelOf(String nodeUid) {
        return channelPrefix + "#" + local.name() + "#" + nodeUid + "#";
    }

    @Override
    public void init() {
        reader.register(local.name(), this::onMessage);
        // counted by the other nodes (on the public channel) only once this node hears the stream
        reader.started().thenRun(() -> {
            if (closed) return;
            link.subscribe(privateChannel, this::onPubSubMessage);
            link.subscribe(publicChannel, this::onPubSubMessage);
        });
    }

    private void onPubSubMessage(byte[] bytes) {
        try {
            onMessage(StreamsWire.fromPubSub(bytes), null);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            Reachability.LOG.log(Level.WARNING, "ignored a message on {0}: {1}", publicChannel, e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.unregister(local.name());
        link.unsubscribe(publicChannel);
        link.unsubscribe(privateChannel);
    }

    // ---------------------------------------------------------------- transport

    /**
     * Into the stream (completing with the entry id, the offset) or over pub/sub. A message that did not get out is
     * logged once per incident; the stage then completes without offset, and requests fail through
     * {@link #serverCount()} or time out.
     * <p>
     * Stream entries, and server-side emits that wait for no answer, are fire and forget: while Redis is unreachable
     * they are kept and sent once it is back ({@link RedisLink#keep}); the stage then completes at once without
     * offset, so that this node's clients get the broadcast now rather than once Redis is back.
     */
    @Override
    protected CompletionStage<String> doPublish(ClusterMessage message) {
        CompletionStage<String> sent;
        boolean kept;
        if (!StreamsWire.isEphemeral(message)) {
            Map<String, byte[]> entry = StreamsWire.toEntry(message);
            long bytes = entry.values().stream().mapToLong(value -> value.length).sum();
            OfflineWrites.KeptOrSent<String> write = link.keepOrSend(
                    c -> c.xadd(stream, XAddArgs.Builder.maxlen(maxLen).approximateTrimming(), entry), bytes);
            sent = write.done();
            kept = write.kept();
        } else if (message.type() == MessageType.SERVER_SIDE_EMIT && message.requestId() == null) {
            byte[] payload = StreamsWire.toPubSub(message); // waits for no answer: fire and forget
            OfflineWrites.KeptOrSent<Long> write = link.keepOrSend(c -> c.publish(publicChannel, payload),
                    payload.length);
            sent = write.done().thenApply(receivers -> null);
            kept = write.kept();
        } else {
            sent = link.publish(publicChannel, StreamsWire.toPubSub(message)).thenApply(nothing -> null);
            kept = false;
        }
        sent = sent.exceptionally(error -> {
            link.publishFailed(message.type().name(), error);
            return null;
        });
        return kept ? CompletableFuture.completedFuture(null) : sent;
    }

    @Override
    protected CompletionStage<Void> doPublishResponse(String requesterUid, ClusterMessage response) {
        return link.publish(channelOf(requesterUid), StreamsWire.toPubSub(response)).exceptionally(error -> {
            link.publishFailed(response.type().name(), error);
            return null;
        });
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        return link.subscriberCount(publicChannel).thenApply(Long::intValue);
    }

    // ---------------------------------------------------------------- connection state recovery

    @Override
    public void persistSession(RecoverableSession session) {
        Optional<RecoveryOptions> recovery = local.recovery();
        if (recovery.isEmpty()) return;
        Object data = local.toJsonValues(Collections.singletonList(session.data())).get(0);
        sessions.persist(RedisSessionStore.wire(session, data), session.pid(),
                recovery.get().maxDisconnectionDurationMillis());
    }

    @Override
    public CompletionStage<Optional<RecoverableSession>> restoreSession(String pid, String offset) {
        if (local.recovery().isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        return sessions.restore(pid, offset, local.name());
    }
}
