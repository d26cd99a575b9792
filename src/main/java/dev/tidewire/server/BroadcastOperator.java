package dev.tidewire.server;

import dev.tidewire.engine.Packet;
import dev.tidewire.parser.SioPacket;
import dev.tidewire.parser.SioPacketType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Selects sockets of a namespace by rooms and exclusions, and acts on them. Immutable: every method that narrows
 * or flags returns a new operator. An emit is encoded once and the same frames go to every target.
 */
public final class BroadcastOperator {
    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;
    private final boolean isVolatile;

    BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean isVolatile) {
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
        this.isVolatile = isVolatile;
    }

    /** Adds rooms: targets are members of any of them. */
    public BroadcastOperator to(String... more) {
        return new BroadcastOperator(namespace, union(rooms, more), except, isVolatile);
    }

    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /** Excludes members of these rooms (a socket id is a room). */
    public BroadcastOperator except(String... more) {
        return new BroadcastOperator(namespace, rooms, union(except, more), isVolatile);
    }

    /** Packets are dropped for clients whose transport cannot write at once. */
    public BroadcastOperator asVolatile() {
        return new BroadcastOperator(namespace, rooms, except, true);
    }

    private static Set<String> union(Set<String> base, String[] more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(Arrays.asList(more));
        return Set.copyOf(s);
    }

    private BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, isVolatile);
    }

    public void emit(String event, Object... args) {
        ReservedEvents.check(event);
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        data.addAll(Arrays.asList(args));
        List<Packet> encoded = namespace.server().encode(
                new SioPacket(SioPacketType.EVENT, namespace.name(), SioPacket.NO_ACK, data));
        namespace.adapter().broadcast(encoded, options());
    }

    public List<Socket> fetchSockets() {
        List<Socket> out = new ArrayList<>();
        namespace.adapter().forEachTarget(options(), out::add);
        return out;
    }

    public void socketsJoin(String... joined) {
        for (Socket s : fetchSockets()) s.join(joined);
    }

    public void socketsLeave(String... left) {
        for (Socket s : fetchSockets()) for (String r : left) s.leave(r);
    }

    public void disconnectSockets(boolean close) {
        for (Socket s : fetchSockets()) s.disconnect(close);
    }
}
