package dev.tidewire.internal.redis;

/**
 * How the Redis Streams adapter reaches Redis and the other nodes, with the defaults of the reference's
 * {@code @socket.io/redis-streams-adapter} 0.3 (one stream; {@code streamCount}, sharded pub/sub and
 * {@code onlyPlaintext} are not offered).
 *
 * @param uri                   Redis, as a Lettuce URI ({@code redis://[:password@]host[:port][/db]}, {@code rediss://}
 *                              for TLS)
 * @param streamName            the stream every node of the cluster writes to and reads
 * @param channelPrefix         the prefix of the pub/sub channels: {@code <prefix>#<nsp>#} and {@code <prefix>#<nsp>#<uid>#}
 * @param maxLen                the stream is trimmed to about this many entries (so is how far back a session can be
 *                              recovered)
 * @param readCount             most entries one read of the stream returns
 * @param sessionKeyPrefix      the prefix of the key of each disconnected session kept for recovery
 * @param requestsTimeoutMillis how long {@code fetchSockets}, a server-side emit with acks and the acks of a broadcast
 *                              wait for the other nodes when the caller set no timeout; also each command's time limit
 */
public record RedisStreamsOptions(String uri, String streamName, String channelPrefix, long maxLen, int readCount,
                                  String sessionKeyPrefix, long requestsTimeoutMillis) {
    public static final String DEFAULT_STREAM_NAME = "socket.io";
    public static final String DEFAULT_CHANNEL_PREFIX = "socket.io";
    public static final long DEFAULT_MAX_LEN = 10_000;
    public static final int DEFAULT_READ_COUNT = 100;
    public static final String DEFAULT_SESSION_KEY_PREFIX = "sio:session:";
    /** How long one read of the stream waits for new entries, as the reference's {@code blockTimeInMs}. */
    static final long BLOCK_MILLIS = 5_000;

    public RedisStreamsOptions {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("the Redis URI is missing");
        RedisAdapterOptions.redisUri(uri);
        if (streamName == null || streamName.isEmpty()) throw new IllegalArgumentException("the stream name must not be empty");
        if (channelPrefix == null || channelPrefix.isEmpty()) {
            throw new IllegalArgumentException("the channel prefix must not be empty");
        }
        if (maxLen <= 0) throw new IllegalArgumentException("maxLen must be positive");
        if (readCount <= 0 || readCount > 10_000) throw new IllegalArgumentException("readCount must be 1 to 10000");
        if (sessionKeyPrefix == null) throw new IllegalArgumentException("the session key prefix is missing");
        if (requestsTimeoutMillis <= 0) throw new IllegalArgumentException("the requests timeout must be positive");
    }

    public static RedisStreamsOptions defaults() {
        return new RedisStreamsOptions(RedisAdapterOptions.DEFAULT_URI, DEFAULT_STREAM_NAME, DEFAULT_CHANNEL_PREFIX,
                DEFAULT_MAX_LEN, DEFAULT_READ_COUNT, DEFAULT_SESSION_KEY_PREFIX,
                RedisAdapterOptions.DEFAULT_REQUESTS_TIMEOUT_MILLIS);
    }

    public RedisStreamsOptions withUri(String uri) {
        return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, readCount, sessionKeyPrefix,
                requestsTimeoutMillis);
    }

    public RedisStreamsOptions withStreamName(String streamName) {
        return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, readCount, sessionKeyPrefix,
                requestsTimeoutMillis);
    }

    public RedisStreamsOptions withChannelPrefix(String channelPrefix) {
        return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, readCount, sessionKeyPrefix,
                requestsTimeoutMillis);
    }

    public RedisStreamsOptions withMaxLen(long maxLen) {
        return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, readCount, sessionKeyPrefix,
                requestsTimeoutMillis);
    }

    public RedisStreamsOptions withRequestsTimeout(long millis) {
        return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, readCount, sessionKeyPrefix, millis);
    }

    /** The URI without its password, for logs. */
    public String redactedUri() {
        return RedisAdapterOptions.redacted(RedisAdapterOptions.redisUri(uri));
    }
}
