package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.SocketIoServer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of {@code server_stats}, the reference's {@code ServerStats}: {@code serverId, hostname, pid, uptime}
 * (seconds), {@code clientsCount} and {@code pollingClientsCount} (Engine.IO sessions, all and those still on
 * polling), {@code aggregatedEvents}, and {@code namespaces} ({@code {name, socketsCount}}, by name).
 */
final class ServerStats {
    private final ServerIdentity identity;
    private final SocketIoServer io;
    private final EngineServer engine;
    private final AggregatedEvents events;

    ServerStats(ServerIdentity identity, SocketIoServer io, EngineServer engine) {
        this.identity = identity;
        this.io = io;
        this.engine = engine;
        this.events = new AggregatedEvents(engine.counters());
    }

    /** Reads everything now; the aggregated events are those since the previous call. */
    Map<String, Object> next(long nowMillis) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("serverId", identity.serverId());
        stats.put("hostname", identity.hostname());
        stats.put("pid", identity.pid());
        stats.put("uptime", identity.uptimeMillis().getAsLong() / 1000.0);
        stats.put("clientsCount", engine.sessionCount());
        stats.put("pollingClientsCount", pollingClients());
        stats.put("aggregatedEvents", events.sinceLastReport(nowMillis));
        stats.put("namespaces", namespaces());
        return stats;
    }

    private int pollingClients() {
        int n = 0;
        for (EngineSession s : engine.sessions()) if (EngineOptions.POLLING.equals(s.transport())) n++;
        return n;
    }

    private List<Map<String, Object>> namespaces() {
        List<Namespace> all = new ArrayList<>(io.namespaces().values());
        all.sort(Comparator.comparing(Namespace::name));
        List<Map<String, Object>> out = new ArrayList<>(all.size());
        for (Namespace n : all) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", n.name());
            entry.put("socketsCount", n.sockets().size());
            out.add(entry);
        }
        return out;
    }
}
