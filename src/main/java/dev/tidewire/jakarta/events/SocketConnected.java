package dev.tidewire.jakarta.events;

import dev.tidewire.server.Socket;

/**
 * A socket joined its namespace: it is in {@code namespace().sockets()}, the client has the CONNECT reply, and
 * {@code socket.rooms()} holds the rooms a middleware joined it to. Fired from a connection listener that Tidewire
 * adds when the namespace is created, so after the listeners added before it (a dynamic namespace's own listeners run
 * before its children's).
 */
public record SocketConnected(Socket socket) implements SocketEvent {
}
