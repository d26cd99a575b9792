package dev.tidewire.jakarta.events;

import dev.tidewire.server.Socket;

/**
 * A connected socket left an application room, by {@code leave} or when it disconnects (then before
 * {@link SocketDisconnected}, on the same thread). As with {@link RoomJoined}, the socket's own-id room fires nothing.
 */
public record RoomLeft(Socket socket, String room) implements SocketEvent {
}
