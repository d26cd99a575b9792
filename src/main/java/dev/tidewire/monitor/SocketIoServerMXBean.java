package dev.tidewire.monitor;

import java.util.Map;

/**
 * One Socket.IO server (one deployment, one path), as JMX shows it under
 * {@code dev.tidewire:type=SocketIoServer,context=<context path>,path=<Socket.IO path>}.
 *
 * <p>Counters run since the server started and only grow; an increment costs the message path no lock and no
 * allocation. Everything else is read when asked. Figures are read one by one, so two of them are not one instant's.
 *
 * <p>Packets and bytes are Engine.IO packets of every type (messages, pings, pongs, noops, open, close): in, as
 * decoded from the transport; out, as handed to it, once per recipient of a broadcast. A packet's bytes are its
 * encoded size before transport framing: for text, the type digit plus the data in UTF-16 chars (the UTF-8 bytes for
 * ASCII text, fewer otherwise); for binary, the raw bytes (base64 over polling is not counted). Polling separators,
 * HTTP headers, compression and WebSocket framing are not counted, nor an upgrade's probe exchange.
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

    /** Counter: Engine.IO handshakes answered (sessions opened), over polling or WebSocket. */
    long getHandshakes();

    /** Counter: polling sessions that completed their upgrade to WebSocket. */
    long getUpgrades();

    /**
     * Counter: Engine.IO sessions closed, by the reference's close reason ({@code "transport close"},
     * {@code "ping timeout"}, ..., and our {@code "outbound queue full"}); every reason is listed, 0 included.
     */
    Map<String, Long> getSessionCloses();

    /** Counter: Engine.IO packets received (see the interface's note). */
    long getPacketsIn();

    /** Counter: Engine.IO packets sent, once per recipient (see the interface's note). */
    long getPacketsOut();

    /** Counter: the size of the packets received (see the interface's note for what a byte is). */
    long getBytesIn();

    /** Counter: the size of the packets sent (see the interface's note for what a byte is). */
    long getBytesOut();

    /** Counter: sockets connected to a namespace (CONNECTs accepted, past the middlewares), all namespaces. */
    long getSocketConnections();

    /**
     * Counter: sockets that left their namespace, by the reference's disconnect reason ({@code "transport close"},
     * {@code "ping timeout"}, {@code "client namespace disconnect"}, ...); every reason is listed, 0 included.
     */
    Map<String, Long> getSocketDisconnections();

    /**
     * Outbound bytes not yet written, over all sessions: queued, or handed to the WebSocket and not yet written (what
     * the {@code maxOutboundBytes} bound counts), in the packet sizes of the interface's note.
     */
    long getQueuedOutboundBytes();

    /** The largest of those of one session: a high value points at a slow client. */
    long getLargestQueuedOutboundBytes();

    /** Events received from clients and waiting for their handlers, over all clients. */
    int getPendingHandlerEvents();

    /** The {@code tidewire.*} options in effect, defaults included; options left unset (e.g. CORS off) are absent. */
    Map<String, String> getOptions();
}
