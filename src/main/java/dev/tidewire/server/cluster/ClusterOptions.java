package dev.tidewire.server.cluster;

/**
 * Timing of a {@link ClusterAdapter}, with the reference's defaults.
 *
 * @param heartbeatIntervalMillis a node that sent nothing for this long sends a heartbeat
 * @param heartbeatTimeoutMillis  a node not heard of for this long is taken for gone
 * @param requestsTimeoutMillis   how long a request ({@code fetchSockets}, acks of a broadcast) waits for the other
 *                                nodes when the caller set no timeout
 */
public record ClusterOptions(long heartbeatIntervalMillis, long heartbeatTimeoutMillis, long requestsTimeoutMillis) {
    public static final ClusterOptions DEFAULTS = new ClusterOptions(5_000, 10_000, 5_000);

    public ClusterOptions {
        if (heartbeatIntervalMillis <= 0 || heartbeatTimeoutMillis <= heartbeatIntervalMillis
                || requestsTimeoutMillis <= 0) {
            throw new IllegalArgumentException("intervals must be positive, and the heartbeat timeout above the interval");
        }
    }
}
