package dev.tidewire.server;

import java.util.Map;
import java.util.Set;

/**
 * A socket found by {@code fetchSockets}, on this node or on another node of the cluster (the reference's
 * {@code RemoteSocket}). A local one is the {@link Socket} itself. The state of a remote one is a snapshot taken when
 * it was fetched; its operations go through the namespace's adapter and reach it wherever it is connected.
 */
public interface RemoteSocket {
    String id();

    Handshake handshake();

    /** The rooms the socket was in when fetched (a live view for a local socket). */
    Set<String> rooms();

    /** The socket's application data: live for a local socket, a read-only snapshot for a remote one. */
    Map<String, Object> data();

    RemoteSocket emit(String event, Object... args);

    RemoteSocket join(String... rooms);

    RemoteSocket leave(String room);

    /** Disconnects it from its namespace; with {@code close}, its whole connection too. */
    void disconnect(boolean close);

    /** Whether this socket is connected to this node (and is then a {@link Socket}). */
    default boolean isLocal() {
        return this instanceof Socket;
    }
}
