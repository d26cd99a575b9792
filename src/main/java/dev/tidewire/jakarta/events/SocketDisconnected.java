package dev.tidewire.jakarta.events;

import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Socket;

/**
 * A socket left its namespace, for {@code reason}; it has left its rooms (each {@link RoomLeft} came first). Fired
 * in the client's order on the executor when the client leaves or its connection closes, or on the thread that calls
 * {@code socket.disconnect()}.
 */
public record SocketDisconnected(Socket socket, DisconnectReason reason) implements SocketEvent {
}
