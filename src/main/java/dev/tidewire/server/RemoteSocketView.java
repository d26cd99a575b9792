package dev.tidewire.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A socket of another node, from a {@code fetchSockets} answer: a snapshot, with operations through the adapter. */
final class RemoteSocketView implements RemoteSocket {
    private final Namespace namespace;
    private final SocketDetails details;
    private final Handshake handshake;

    RemoteSocketView(Namespace namespace, SocketDetails details) {
        this.namespace = namespace;
        this.details = details;
        this.handshake = Handshake.of(details.handshake());
    }

    @Override
    public String id() {
        return details.id();
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public Set<String> rooms() {
        return details.rooms();
    }

    @Override
    public Map<String, Object> data() {
        return details.data();
    }

    private BroadcastOptions only() {
        return BroadcastOptions.toRooms(Set.of(details.id()));
    }

    @Override
    public RemoteSocket emit(String event, Object... args) {
        namespace.to(details.id()).emit(event, args);
        return this;
    }

    @Override
    public RemoteSocket join(String... rooms) {
        UserRooms.checkApplicationRooms(rooms);
        namespace.adapter().addSockets(only(), new LinkedHashSet<>(List.of(rooms)));
        return this;
    }

    @Override
    public RemoteSocket leave(String room) {
        UserRooms.checkApplicationRoom(room);
        namespace.adapter().delSockets(only(), Set.of(room));
        return this;
    }

    @Override
    public void disconnect(boolean close) {
        namespace.adapter().disconnectSockets(only(), close);
    }

    @Override
    public String toString() {
        return "RemoteSocket[" + details.id() + " " + namespace.name() + "]";
    }
}
