package dev.tidewire.server;

/**
 * Connection state recovery, as the reference's {@code connectionStateRecovery}: a client that lost its connection
 * and comes back within {@code maxDisconnectionDurationMillis} gets its socket back (id, rooms, data) with the packets
 * it missed, and {@link Socket#recovered()} is true.
 *
 * @param skipMiddlewares a recovered socket skips the namespace's middlewares, as in the reference
 */
public record RecoveryOptions(long maxDisconnectionDurationMillis, boolean skipMiddlewares) {
    /** Most broadcasts one namespace keeps for recovery, and most bytes (an estimate of their size), on one node. */
    public static final int MAX_KEPT_PACKETS = 10_000;
    public static final long MAX_KEPT_BYTES = 16L << 20;
    /** Most disconnected sessions one namespace keeps on one node; the oldest go first. */
    public static final int MAX_KEPT_SESSIONS = 100_000;

    public RecoveryOptions {
        if (maxDisconnectionDurationMillis <= 0) {
            throw new IllegalArgumentException("maxDisconnectionDuration must be positive");
        }
    }
}
