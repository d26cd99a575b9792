package dev.tidewire.server;

import dev.tidewire.internal.engine.Packet;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Room membership and broadcast delivery for one namespace. The in-memory adapter is the default; cluster adapters come later. */
public interface Adapter {
    void addAll(String socketId, Set<String> rooms);

    void del(String socketId, String room);

    /** Removes the socket from every room (leave-room events, then delete-room for emptied rooms). */
    void delAll(String socketId);

    /** The rooms of a socket (a snapshot). */
    Set<String> socketRooms(String socketId);

    /** Calls {@code action} once for each local socket matched by {@code options}, without copying member sets. */
    void forEachTarget(BroadcastOptions options, Consumer<Socket> action);

    /** Writes the already-encoded packets to every matched socket. */
    void broadcast(List<Packet> encoded, BroadcastOptions options);

    /** All room names known here. */
    Set<String> rooms();

    void addListener(AdapterListener listener);

    void close();
}
