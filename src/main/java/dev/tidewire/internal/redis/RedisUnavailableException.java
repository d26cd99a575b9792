package dev.tidewire.internal.redis;

/**
 * Redis could not be reached, so an operation could not go to the other nodes (it still ran on this one). The
 * adapter keeps reconnecting; operations reach the cluster again once Redis is back.
 */
public final class RedisUnavailableException extends RuntimeException {
    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
