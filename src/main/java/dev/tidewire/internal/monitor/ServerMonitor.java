package dev.tidewire.internal.monitor;

import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.server.Namespace;
import dev.tidewire.monitor.SocketIoServerMXBean;
import dev.tidewire.server.SocketIoServer;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/** The figures of one server, read from its engine and namespaces when JMX asks. */
public final class ServerMonitor implements SocketIoServerMXBean {
    private final SocketIoServer io;
    private final EngineServer engine;

    public ServerMonitor(SocketIoServer io, EngineServer engine) {
        this.io = io;
        this.engine = engine;
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
        return perNamespace(nsp -> nsp.adapter().rooms().size());
    }

    private Map<String, Integer> perNamespace(ToIntFunction<Namespace> figure) {
        Map<String, Integer> out = new TreeMap<>();
        io.namespaces().forEach((name, nsp) -> out.put(name, figure.applyAsInt(nsp)));
        return out;
    }
}
