package dev.tidewire.jakarta.events;

import dev.tidewire.server.Socket;

/**
 * A connected socket joined an application room. The room named after the socket's own id, which every socket is in
 * from connect to disconnect, fires nothing; nor do joins of a middleware, before the connection is accepted (the
 * rooms are in {@code socket.rooms()} by {@link SocketConnected}). A second join of the same room fires nothing.
 */
public record RoomJoined(Socket socket, String room) implements SocketEvent {
}
