package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.redis.RedisAdapterFactory;
import dev.tidewire.internal.redis.RedisAdapterOptions;
import dev.tidewire.internal.redis.RedisStreamsAdapterFactory;
import dev.tidewire.internal.redis.RedisStreamsOptions;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.AdapterFactory;

import java.util.Optional;

import static dev.tidewire.internal.jakarta.OptionBounds.longAtLeast;

/**
 * Which adapter the namespaces use, from {@code tidewire.adapter}: {@code memory} (the default: this node only),
 * {@code redis} (the reference's {@code @socket.io/redis-adapter}, pub/sub) with {@code tidewire.redis.uri},
 * {@code .key}, {@code .requestsTimeout} and {@code .publishOnSpecificResponseChannel}, or {@code redis-streams} (the
 * reference's {@code @socket.io/redis-streams-adapter}, which also keeps disconnected sessions in Redis for connection
 * state recovery on any node) with {@code tidewire.redis.uri}, {@code .requestsTimeout}, {@code .streamName},
 * {@code .maxLen} and {@code .channelPrefix}; the README lists the keys. A value this version does not know stops the deployment rather than
 * falling back to a single node unnoticed.
 */
final class AdapterOptionsReader {
    static final String ADAPTER = SocketIoOptionsReader.PREFIX + "adapter";
    static final String REDIS = SocketIoOptionsReader.PREFIX + "redis.";
    static final String REDIS_URI = REDIS + "uri";
    static final String REDIS_KEY = REDIS + "key";
    static final String REDIS_REQUESTS_TIMEOUT = REDIS + "requestsTimeout";
    static final String REDIS_SPECIFIC_RESPONSE_CHANNEL = REDIS + "publishOnSpecificResponseChannel";
    static final String REDIS_CHANNEL_PREFIX = REDIS + "channelPrefix";
    static final String REDIS_STREAM_NAME = REDIS + "streamName";
    static final String REDIS_MAX_LEN = REDIS + "maxLen";

    /** A cluster adapter the configuration asks for. */
    sealed interface Choice {
        AdapterFactory newFactory();

        /** For the log: which adapter, where (no password). */
        String description();
    }

    record Redis(RedisAdapterOptions options) implements Choice {
        @Override
        public AdapterFactory newFactory() {
            return new RedisAdapterFactory(options);
        }

        @Override
        public String description() {
            return "the Redis adapter: " + options.redactedUri() + ", channel key " + options.key();
        }
    }

    record RedisStreams(RedisStreamsOptions options) implements Choice {
        @Override
        public AdapterFactory newFactory() {
            return new RedisStreamsAdapterFactory(options);
        }

        @Override
        public String description() {
            return "the Redis Streams adapter: " + options.redactedUri() + ", stream " + options.streamName();
        }
    }

    private AdapterOptionsReader() {
    }

    /** The cluster adapter asked for, or empty for the in-memory adapter. */
    static Optional<Choice> read(Settings s) {
        String adapter = s.get(ADAPTER, "memory");
        switch (adapter) {
            case "memory":
                return Optional.empty();
            case "redis":
                return Optional.of(new Redis(redis(s)));
            case "redis-streams":
                return Optional.of(new RedisStreams(redisStreams(s)));
            default:
                throw new IllegalArgumentException("configuration key " + ADAPTER
                        + " must be memory, redis or redis-streams, was: " + adapter);
        }
    }

    private static RedisAdapterOptions redis(Settings s) {
        RedisAdapterOptions d = RedisAdapterOptions.defaults();
        String uri = s.get(REDIS_URI, d.uri());
        String key = s.get(REDIS_KEY, d.key());
        long timeout = longAtLeast(s, REDIS_REQUESTS_TIMEOUT, d.requestsTimeoutMillis(), 1);
        boolean specificResponseChannel = s.getBoolean(REDIS_SPECIFIC_RESPONSE_CHANNEL,
                d.publishOnSpecificResponseChannel());
        try {
            return new RedisAdapterOptions(uri, key, timeout, specificResponseChannel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + REDIS_URI + ": " + e.getMessage(), e);
        }
    }

    private static RedisStreamsOptions redisStreams(Settings s) {
        RedisStreamsOptions d = RedisStreamsOptions.defaults();
        String uri = s.get(REDIS_URI, d.uri());
        String streamName = s.get(REDIS_STREAM_NAME, d.streamName());
        if (streamName.isEmpty()) {
            throw new IllegalArgumentException("configuration key " + REDIS_STREAM_NAME + " must not be empty");
        }
        String channelPrefix = s.get(REDIS_CHANNEL_PREFIX, d.channelPrefix()); // an empty value is no value
        long maxLen = longAtLeast(s, REDIS_MAX_LEN, d.maxLen(), 1);
        long timeout = longAtLeast(s, REDIS_REQUESTS_TIMEOUT, d.requestsTimeoutMillis(), 1);
        try {
            return new RedisStreamsOptions(uri, streamName, channelPrefix, maxLen, d.readCount(),
                    d.sessionKeyPrefix(), timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + REDIS_URI + ": " + e.getMessage(), e);
        }
    }
}
