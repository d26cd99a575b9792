package dev.tidewire.internal.monitor;

import dev.tidewire.monitor.SocketIoNamespaceMXBean;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;

import java.util.List;

/**
 * One namespace on this node for JMX (its sockets, rooms and operations are this node's, as a JMX client speaks to
 * one node): figures read when asked, and operations through the public API, as an application would call
 * them from any thread. Arguments are checked here so that an operator gets a plain message.
 */
final class NamespaceMonitor implements SocketIoNamespaceMXBean {
    private final Namespace namespace;

    NamespaceMonitor(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public String getName() {
        return namespace.name();
    }

    @Override
    public int getSockets() {
        return namespace.sockets().size();
    }

    @Override
    public int getRooms() {
        return namespace.localRooms().size();
    }

    @Override
    public List<String> getRoomNames() {
        return namespace.localRooms().stream().sorted().toList();
    }

    @Override
    public List<String> roomMembers(String room) {
        return membersOf(room).stream().map(Socket::id).sorted().toList();
    }

    @Override
    public void emit(String event, String jsonPayload) {
        namespace.emit(required("event", event), arguments(jsonPayload));
    }

    @Override
    public void emitToRoom(String room, String event, String jsonPayload) {
        namespace.to(required("room", room)).emit(required("event", event), arguments(jsonPayload));
    }

    @Override
    public boolean disconnectSocket(String id) {
        Socket socket = namespace.sockets().get(required("socket id", id));
        if (socket == null) return false;
        socket.disconnect();
        return true;
    }

    @Override
    public int disconnectRoom(String room) {
        List<Socket> members = membersOf(room);
        members.forEach(Socket::disconnect);
        return members.size();
    }

    @Override
    public int disconnectUser(String user) {
        List<Socket> sockets = namespace.toUser(required("user", user)).fetchLocalSockets();
        sockets.forEach(Socket::disconnect);
        return sockets.size();
    }

    private List<Socket> membersOf(String room) {
        return namespace.in(required("room", room)).fetchLocalSockets();
    }

    private Object[] arguments(String json) {
        return EmitArguments.parse(json, namespace.server().options().parserLimits().maxDepth());
    }

    private static String required(String what, String value) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException("the " + what + " is missing");
        return value;
    }
}
