package dev.tidewire.internal.redis;

import dev.tidewire.server.Adapter;
import dev.tidewire.server.AdapterFactory;
import dev.tidewire.server.LocalNamespace;

/**
 * The Redis Streams adapter's factory: every namespace of a server gets a {@link RedisStreamsAdapter} on one shared
 * link to Redis (a command connection, a pub/sub connection, and a connection of its own for the blocking reads of
 * the stream), which {@link #close()} ends, threads included. The link starts connecting at once and keeps trying
 * while Redis cannot be reached; meanwhile operations stay on this node.
 * <p>
 * Give each server its own factory. Messages and kept sessions are those of the reference's
 * {@code @socket.io/redis-streams-adapter} 0.3, so Node servers with that adapter on the same Redis, stream and
 * channel prefix are nodes of the same cluster, and a client may recover its session on any of them.
 */
public final class RedisStreamsAdapterFactory implements AdapterFactory {
    /** Command, pub/sub and blocking reads. */
    private static final int CONNECTIONS = 3;

    private final RedisStreamsOptions options;
    private final RedisLink link;
    private final StreamReader reader;
    private final RedisSessionStore sessions;

    public RedisStreamsAdapterFactory(RedisStreamsOptions options) {
        this.options = options;
        this.link = new RedisLink(RedisAdapterOptions.redisUri(options.uri()), options.redactedUri(),
                options.requestsTimeoutMillis(), true, CONNECTIONS);
        this.reader = new StreamReader(link, options);
        this.sessions = new RedisSessionStore(link, options);
    }

    public RedisStreamsOptions options() {
        return options;
    }

    @Override
    public Adapter create(LocalNamespace namespace) {
        return new RedisStreamsAdapter(namespace, options, link, reader, sessions);
    }

    @Override
    public void close() {
        reader.close();
        link.close();
    }
}
