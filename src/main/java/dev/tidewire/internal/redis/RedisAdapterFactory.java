package dev.tidewire.internal.redis;

import dev.tidewire.server.Adapter;
import dev.tidewire.server.AdapterFactory;
import dev.tidewire.server.LocalNamespace;

/**
 * The Redis adapter's factory: every namespace of a server gets a {@link RedisAdapter} on one shared link to Redis
 * (a command connection and a pub/sub connection), which {@link #close()} ends, threads included. The link starts
 * connecting at once and keeps trying while Redis cannot be reached; meanwhile operations stay on this node.
 * <p>
 * Give each server its own factory. Messages are those of the reference's {@code @socket.io/redis-adapter} 8, so
 * Node servers with that adapter (and the reference's {@code @socket.io/redis-emitter}) on the same Redis and key
 * are nodes of the same cluster.
 */
public final class RedisAdapterFactory implements AdapterFactory {
    private final RedisAdapterOptions options;
    private final RedisLink link;

    public RedisAdapterFactory(RedisAdapterOptions options) {
        this.options = options;
        this.link = new RedisLink(options);
    }

    public RedisAdapterOptions options() {
        return options;
    }

    @Override
    public Adapter create(LocalNamespace namespace) {
        return new RedisAdapter(namespace, options, link);
    }

    @Override
    public void close() {
        link.close();
    }
}
