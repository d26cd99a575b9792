package dev.tidewire.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's packets waiting for the transport, bounded in packets and bytes. Packets handed to the WebSocket but
 * not yet written still count against the byte bound. Not thread-safe: the session locks.
 */
final class OutboundQueue {
    private final int maxPackets;
    private final long maxBytes;
    private ArrayDeque<Packet> packets;
    private long bytes;
    private long inFlightBytes;

    OutboundQueue(int maxPackets, long maxBytes) {
        this.maxPackets = maxPackets;
        this.maxBytes = maxBytes;
    }

    /** @return false, leaving the queue unchanged, when the packets would exceed a bound */
    boolean offer(List<Packet> batch) {
        int size = size();
        long add = 0;
        for (Packet p : batch) add += p.wireSize();
        if (size + batch.size() > maxPackets || unwrittenBytes() + add > maxBytes) return false;
        if (packets == null) packets = new ArrayDeque<>(Math.max(4, batch.size()));
        packets.addAll(batch);
        bytes += add;
        return true;
    }

    boolean isEmpty() {
        return packets == null || packets.isEmpty();
    }

    int size() {
        return packets == null ? 0 : packets.size();
    }

    long bytes() {
        return bytes;
    }

    /** Queued bytes plus those handed to the WebSocket and not yet written: what the byte bound counts. */
    long unwrittenBytes() {
        return bytes + inFlightBytes;
    }

    Packet poll() {
        Packet p = packets == null ? null : packets.poll();
        if (p != null) bytes -= p.wireSize();
        if (p != null && packets.isEmpty()) packets = null; // idle sessions hold no deque
        return p;
    }

    /** Takes up to {@code max} packets for the WebSocket, counting their bytes until {@link #written} is called. */
    Packet[] pollInFlight(int max) {
        int n = Math.min(max, size());
        if (n <= 0) return null;
        Packet[] taken = new Packet[n];
        for (int i = 0; i < n; i++) {
            taken[i] = poll();
            inFlightBytes += taken[i].wireSize();
        }
        return taken;
    }

    void written(Packet p) {
        inFlightBytes -= p.wireSize();
    }

    List<Packet> drain() {
        List<Packet> all = packets == null ? new ArrayList<>(1) : new ArrayList<>(packets);
        packets = null;
        bytes = 0;
        return all;
    }

    void clear() {
        packets = null;
        bytes = 0;
    }
}
