package dev.tidewire.monitor;

import java.util.List;

/**
 * One namespace of a Socket.IO server, as JMX shows it under
 * {@code dev.tidewire:type=SocketIoNamespace,context=<context path>,path=<Socket.IO path>,namespace=<name>}, registered
 * when the namespace is created (dynamic ones included) and gone when the server stops. Figures are read when asked.
 * In a cluster each node registers its own: figures, room members and disconnects are this node's sockets, while
 * the emits go through the adapter and reach every node.
 *
 * <p>Bad input to an operation (a missing name, a reserved event name such as {@code "connect"}, a payload that is
 * not JSON) is refused with an {@link IllegalArgumentException} that says what is wrong; nothing is sent then.
 */
public interface SocketIoNamespaceMXBean {
    /** The namespace's name, e.g. {@code /chat}. */
    String getName();

    /** Sockets connected to it now. */
    int getSockets();

    /** Rooms that have members now (each socket's own room included, as in the reference's adapter). */
    int getRooms();

    /** Those rooms' names, sorted. */
    List<String> getRoomNames();

    /** The ids of the sockets in {@code room}, sorted; empty for a room without members. */
    List<String> roomMembers(String room);

    /**
     * Emits {@code event} to every socket of the namespace, as {@code nsp.emit(event, ...args)}. The payload is JSON: an
     * array is the list of arguments ({@code ["a", 1]} sends two, {@code [[1, 2]]} one array); any other value is the
     * one argument ({@code {"text": "hi"}}); empty or blank sends none.
     */
    void emit(String event, String jsonPayload);

    /** As {@link #emit}, to the sockets in {@code room} only. */
    void emitToRoom(String room, String event, String jsonPayload);

    /**
     * Disconnects one socket from this namespace ({@code socket.disconnect()}: the client hears
     * {@code "io server disconnect"} and does not reconnect by itself; its other namespaces stay).
     *
     * @return whether a socket with this id was connected here
     */
    boolean disconnectSocket(String id);

    /**
     * Disconnects every socket in {@code room} from this namespace, as {@link #disconnectSocket} each.
     *
     * @return how many sockets were disconnected
     */
    int disconnectRoom(String room);

    /**
     * Disconnects every socket of this user (the name of its {@code socket.user()}) from this namespace, as
     * {@link #disconnectSocket} each.
     *
     * @return how many sockets were disconnected
     */
    int disconnectUser(String user);
}
