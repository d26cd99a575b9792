package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.CloseReason;
import dev.tidewire.internal.engine.EngineCounters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code aggregatedEvents} of {@code server_stats}: what the engine did since the previous report, as the
 * reference's entries {@code {timestamp, type, subType?, count}} with types {@code rawConnection},
 * {@code rawDisconnection} (subType: the close reason), {@code packetsIn}, {@code packetsOut}, {@code bytesIn},
 * {@code bytesOut}. The reference counts each event as it happens; here the engine's always-on counters are read at
 * each report and the differences sent, stamped with the report's second, so the packet path pays nothing for the
 * Admin UI. (The engine counts every Engine.IO packet and its type character; the reference only packets with data,
 * and their data's bytes.) Entries with nothing to report are left out, as the reference has none for them.
 */
final class AggregatedEvents {
    private final EngineCounters counters;
    private Snapshot previous;

    /** Counts from now on: what happened before the Admin UI was switched on is not reported. */
    AggregatedEvents(EngineCounters counters) {
        this.counters = counters;
        this.previous = Snapshot.of(counters);
    }

    /** The entries since the previous call (or since creation), stamped with {@code nowMillis} cut to the second. */
    synchronized List<Map<String, Object>> sinceLastReport(long nowMillis) {
        Snapshot now = Snapshot.of(counters);
        long second = nowMillis - Math.floorMod(nowMillis, 1000L);
        List<Map<String, Object>> entries = new ArrayList<>();
        add(entries, second, "rawConnection", null, now.handshakes - previous.handshakes);
        for (CloseReason reason : CloseReason.values()) {
            int i = reason.ordinal();
            add(entries, second, "rawDisconnection", reason.wireName(), now.closes[i] - previous.closes[i]);
        }
        add(entries, second, "packetsIn", null, now.packetsIn - previous.packetsIn);
        add(entries, second, "packetsOut", null, now.packetsOut - previous.packetsOut);
        add(entries, second, "bytesIn", null, now.bytesIn - previous.bytesIn);
        add(entries, second, "bytesOut", null, now.bytesOut - previous.bytesOut);
        previous = now;
        return entries;
    }

    private static void add(List<Map<String, Object>> entries, long timestamp, String type, String subType, long count) {
        if (count <= 0) return;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("timestamp", timestamp);
        entry.put("type", type);
        if (subType != null) entry.put("subType", subType); // the reference's undefined: no key at all
        entry.put("count", count);
        entries.add(entry);
    }

    /** The counters read at one instant (each read on its own: they are not atomic together). */
    private record Snapshot(long handshakes, long[] closes, long packetsIn, long packetsOut, long bytesIn,
                            long bytesOut) {
        static Snapshot of(EngineCounters c) {
            long[] closes = new long[CloseReason.values().length];
            for (CloseReason r : CloseReason.values()) closes[r.ordinal()] = c.closes(r);
            return new Snapshot(c.handshakes(), closes, c.packetsIn(), c.packetsOut(), c.bytesIn(), c.bytesOut());
        }
    }
}
