package dev.tidewire.internal.redis;

import io.lettuce.core.RedisURI;

/**
 * How the Redis adapter reaches Redis and the other nodes, with the defaults of the reference's
 * {@code @socket.io/redis-adapter}.
 *
 * @param uri                              Redis, as a Lettuce URI ({@code redis://[:password@]host[:port][/db]},
 *                                         {@code rediss://} for TLS)
 * @param key                              the prefix of every channel name; nodes of one cluster share it
 * @param requestsTimeoutMillis            how long {@code fetchSockets}, a server-side emit with acks and the acks of
 *                                         a broadcast wait for the other nodes when the caller set no timeout
 * @param publishOnSpecificResponseChannel answer a request on the requester's own channel rather than on the
 *                                         namespace's shared response channel
 */
public record RedisAdapterOptions(String uri, String key, long requestsTimeoutMillis,
                                  boolean publishOnSpecificResponseChannel) {
    public static final String DEFAULT_URI = "redis://localhost:6379";
    public static final String DEFAULT_KEY = "socket.io";
    public static final long DEFAULT_REQUESTS_TIMEOUT_MILLIS = 5_000;

    public RedisAdapterOptions {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("the Redis URI is missing");
        redisUri(uri); // refused here, at configuration time, rather than at the first connection
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("the channel key must not be empty");
        if (requestsTimeoutMillis <= 0) throw new IllegalArgumentException("the requests timeout must be positive");
    }

    public static RedisAdapterOptions defaults() {
        return new RedisAdapterOptions(DEFAULT_URI, DEFAULT_KEY, DEFAULT_REQUESTS_TIMEOUT_MILLIS, false);
    }

    public RedisAdapterOptions withUri(String uri) {
        return new RedisAdapterOptions(uri, key, requestsTimeoutMillis, publishOnSpecificResponseChannel);
    }

    public RedisAdapterOptions withKey(String key) {
        return new RedisAdapterOptions(uri, key, requestsTimeoutMillis, publishOnSpecificResponseChannel);
    }

    public RedisAdapterOptions withRequestsTimeout(long millis) {
        return new RedisAdapterOptions(uri, key, millis, publishOnSpecificResponseChannel);
    }

    public RedisAdapterOptions withPublishOnSpecificResponseChannel(boolean specific) {
        return new RedisAdapterOptions(uri, key, requestsTimeoutMillis, specific);
    }

    RedisURI redisUri() {
        return redisUri(uri);
    }

    /** Parses a Redis URI; a wrong one is refused at configuration time, rather than at the first connection. */
    static RedisURI redisUri(String uri) {
        try {
            return RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URI: " + uri + " (" + e.getMessage() + ")", e);
        }
    }

    /** The URI without its password, for logs. */
    public String redactedUri() {
        return redacted(redisUri());
    }

    static String redacted(RedisURI parsed) {
        return (parsed.isSsl() ? "rediss://" : "redis://") + parsed.getHost() + ":" + parsed.getPort()
                + (parsed.getDatabase() != 0 ? "/" + parsed.getDatabase() : "");
    }
}
