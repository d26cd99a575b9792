package dev.tidewire.internal.engine;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one {@link EngineServer} has done since it started, for monitoring. Striped counters: an increment takes no
 * lock and allocates nothing, so the packet path pays next to nothing; a read sums the stripes and is not atomic
 * across counters.
 *
 * <p>Packets are Engine.IO packets of every type (messages, pings, pongs, noops, open, close) on a session's
 * transport: in, each packet decoded from a WebSocket frame or a polling POST; out, each packet handed to the
 * transport (a WebSocket frame given to the container, a packet of a poll answer, the polling handshake's open
 * packet). A broadcast counts once per recipient it is written to. Packets dropped before they reach the transport
 * (a closing session's queue, a refused volatile emit) are not counted, nor is an upgrade's probe exchange.
 *
 * <p>Bytes are {@link Packet#wireSize()} of those packets: for a text packet, its type digit plus its data in UTF-16
 * chars (equal to the UTF-8 bytes for ASCII, fewer for other text); for a binary packet, its raw bytes (over polling
 * it travels as base64, a third larger). Not counted: polling record separators, HTTP headers and compression,
 * WebSocket framing.
 */
public final class EngineCounters {
    private final LongAdder handshakes = new LongAdder();
    private final LongAdder upgrades = new LongAdder();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder[] closes = new LongAdder[CloseReason.values().length];

    EngineCounters() {
        for (int i = 0; i < closes.length; i++) closes[i] = new LongAdder();
    }

    void handshake() {
        handshakes.increment();
    }

    void upgrade() {
        upgrades.increment();
    }

    void received(Packet packet) {
        packetsIn.increment();
        bytesIn.add(packet.wireSize());
    }

    void sent(Packet packet) {
        packetsOut.increment();
        bytesOut.add(packet.wireSize());
    }

    void sent(List<Packet> packets) {
        long bytes = 0;
        for (Packet p : packets) bytes += p.wireSize();
        packetsOut.add(packets.size());
        bytesOut.add(bytes);
    }

    void closed(CloseReason reason) {
        closes[reason.ordinal()].increment();
    }

    /** Sessions opened: handshakes answered, over polling or WebSocket. */
    public long handshakes() {
        return handshakes.sum();
    }

    /** Polling sessions that completed their upgrade to WebSocket. */
    public long upgrades() {
        return upgrades.sum();
    }

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Sessions closed for {@code reason}. */
    public long closes(CloseReason reason) {
        return closes[reason.ordinal()].sum();
    }
}
