package dev.tidewire.monitor;

import java.util.Map;

/**
 * One Socket.IO server (one deployment, one path), as JMX shows it under
 * {@code dev.tidewire:type=SocketIoServer,context=<context path>,path=<Socket.IO path>}. Figures are read when asked:
 * nothing is counted on the message path.
 */
public interface SocketIoServerMXBean {
    /** The Socket.IO path, e.g. {@code /socket.io/}. */
    String getPath();

    /** Engine.IO connections open now, whatever their transport. */
    int getClients();

    /** Of those, the ones on WebSocket. */
    int getWebSocketClients();

    /** Of those, the ones on HTTP long-polling. */
    int getPollingClients();

    /** Sockets per namespace that exists now. */
    Map<String, Integer> getSocketsPerNamespace();

    /** Rooms per namespace (each socket's own room included, as in the reference's adapter). */
    Map<String, Integer> getRoomsPerNamespace();
}
