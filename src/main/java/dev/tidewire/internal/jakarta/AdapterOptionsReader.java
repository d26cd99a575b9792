package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.redis.RedisAdapterOptions;
import dev.tidewire.jakarta.Settings;

import java.util.Optional;

import static dev.tidewire.internal.jakarta.OptionBounds.longAtLeast;

/**
 * Which adapter the namespaces use, from {@code tidewire.adapter}: {@code memory} (the default: this node only) or
 * {@code redis}, with {@code tidewire.redis.*}; the README lists the keys. A value this version does not know (such
 * as {@code redis-streams}, planned) stops the deployment rather than falling back to a single node unnoticed.
 */
final class AdapterOptionsReader {
    static final String ADAPTER = SocketIoOptionsReader.PREFIX + "adapter";
    static final String REDIS = SocketIoOptionsReader.PREFIX + "redis.";
    static final String REDIS_URI = REDIS + "uri";
    static final String REDIS_KEY = REDIS + "key";
    static final String REDIS_REQUESTS_TIMEOUT = REDIS + "requestsTimeout";

    private AdapterOptionsReader() {
    }

    /** The Redis adapter's options, or empty for the in-memory adapter. */
    static Optional<RedisAdapterOptions> read(Settings s) {
        String adapter = s.get(ADAPTER, "memory");
        switch (adapter) {
            case "memory":
                return Optional.empty();
            case "redis":
                return Optional.of(redis(s));
            default:
                throw new IllegalArgumentException("configuration key " + ADAPTER + " must be memory or redis, was: "
                        + adapter);
        }
    }

    private static RedisAdapterOptions redis(Settings s) {
        RedisAdapterOptions d = RedisAdapterOptions.defaults();
        String uri = s.get(REDIS_URI, d.uri());
        String key = s.get(REDIS_KEY, d.key());
        long timeout = longAtLeast(s, REDIS_REQUESTS_TIMEOUT, d.requestsTimeoutMillis(), 1);
        try {
            return new RedisAdapterOptions(uri, key, timeout, d.publishOnSpecificResponseChannel());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + REDIS_URI + ": " + e.getMessage(), e);
        }
    }
}
