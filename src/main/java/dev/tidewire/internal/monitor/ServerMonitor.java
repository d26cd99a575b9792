package dev.tidewire.internal.monitor;

import dev.tidewire.internal.engine.CloseReason;
import dev.tidewire.internal.engine.EngineCounters;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.monitor.SocketIoServerMXBean;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.SocketIoServer;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** The figures of one server, read from its engine, namespaces and counters when JMX asks. */
final class ServerMonitor implements SocketIoServerMXBean {
    private final SocketIoServer io;
    private final EngineServer engine;
    private final EngineCounters engineCounters;
    private final Map<String, String> options;

    ServerMonitor(SocketIoServer io, EngineServer engine) {
        this.io = io;
        this.engine = engine;
        this.engineCounters = engine.counters();
        this.options = OptionsInEffect.of(io.options());
    }

    @Override
    public String getPath() {
        return engine.options().path();
    }

    @Override
    public int getClients() {
        return engine.sessionCount();
    }

    @Override
    public int getWebSocketClients() {
        return countSessionsOn(EngineOptions.WEBSOCKET);
    }

    @Override
    public int getPollingClients() {
        return countSessionsOn(EngineOptions.POLLING);
    }

    private int countSessionsOn(String transport) {
        int n = 0;
        for (EngineSession s : engine.sessions()) {
            if (transport.equals(s.transport())) n++;
        }
        return n;
    }

    @Override
    public Map<String, Integer> getSocketsPerNamespace() {
        return perNamespace(nsp -> nsp.sockets().size());
    }

    @Override
    public Map<String, Integer> getRoomsPerNamespace() {
        return perNamespace(nsp -> nsp.localRooms().size());
    }

    private Map<String, Integer> perNamespace(ToIntFunction<Namespace> figure) {
        Map<String, Integer> out = new TreeMap<>();
        io.namespaces().forEach((name, nsp) -> out.put(name, figure.applyAsInt(nsp)));
        return out;
    }

    @Override
    public long getHandshakes() {
        return engineCounters.handshakes();
    }

    @Override
    public long getUpgrades() {
        return engineCounters.upgrades();
    }

    @Override
    public Map<String, Long> getSessionCloses() {
        return byReason(CloseReason.values(), CloseReason::wireName, engineCounters::closes);
    }

    @Override
    public long getPacketsIn() {
        return engineCounters.packetsIn();
    }

    @Override
    public long getPacketsOut() {
        return engineCounters.packetsOut();
    }

    @Override
    public long getBytesIn() {
        return engineCounters.bytesIn();
    }

    @Override
    public long getBytesOut() {
        return engineCounters.bytesOut();
    }

    @Override
    public long getSocketConnections() {
        return io.counters().connections();
    }

    @Override
    public Map<String, Long> getSocketDisconnections() {
        return byReason(DisconnectReason.values(), DisconnectReason::wireName, io.counters()::disconnections);
    }

    private static <R> Map<String, Long> byReason(R[] reasons, Function<R, String> name, ToLongFunction<R> count) {
        Map<String, Long> out = new TreeMap<>();
        for (R r : reasons) out.put(name.apply(r), count.applyAsLong(r));
        return out;
    }

    @Override
    public long getQueuedOutboundBytes() {
        return engine.outboundBacklog().totalBytes();
    }

    @Override
    public long getLargestQueuedOutboundBytes() {
        return engine.outboundBacklog().largestBytes();
    }

    @Override
    public int getPendingHandlerEvents() {
        return io.pendingEvents();
    }

    @Override
    public Map<String, String> getOptions() {
        return options;
    }
}
