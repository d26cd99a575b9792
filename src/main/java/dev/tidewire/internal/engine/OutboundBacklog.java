package dev.tidewire.internal.engine;

/**
 * The outbound bytes not yet written ({@link EngineSession#unwrittenBytes()}), over some sessions: their total and the
 * largest of one session, which points at a slow client. Read when asked, each session under its own lock, so the
 * figures are not one instant's.
 */
public record OutboundBacklog(long totalBytes, long largestBytes) {
    static OutboundBacklog of(Iterable<EngineSession> sessions) {
        long total = 0;
        long largest = 0;
        for (EngineSession s : sessions) {
            long bytes = s.unwrittenBytes();
            total += bytes;
            largest = Math.max(largest, bytes);
        }
        return new OutboundBacklog(total, largest);
    }
}
