package dev.tidewire.server;

import dev.tidewire.internal.engine.Packet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The default adapter: rooms in memory, O(1) membership, broadcasts walk the member sets directly. */
public final class InMemoryAdapter implements Adapter {
    private final Namespace namespace;
    private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> socketRooms = new ConcurrentHashMap<>();
    private final List<AdapterListener> listeners = new CopyOnWriteArrayList<>();

    public InMemoryAdapter(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public void addListener(AdapterListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addAll(String socketId, Set<String> newRooms) {
        for (String room : newRooms) {
            boolean[] joined = {false};
            socketRooms.compute(socketId, (k, mine) -> {
                joined[0] = mine == null || !mine.contains(room);
                return MemberSets.with(mine, room);
            });
            if (!joined[0]) continue;
            boolean[] created = {false};
            rooms.compute(room, (k, members) -> {
                created[0] = members == null;
                return MemberSets.with(members, socketId);
            });
            if (created[0]) for (AdapterListener l : listeners) l.onCreateRoom(room);
            for (AdapterListener l : listeners) l.onJoinRoom(room, socketId);
        }
    }

    @Override
    public void del(String socketId, String room) {
        boolean[] left = {false};
        socketRooms.computeIfPresent(socketId, (k, mine) -> {
            left[0] = mine.contains(room);
            return MemberSets.without(mine, room);
        });
        if (left[0]) leave(socketId, room);
    }

    private void leave(String socketId, String room) {
        boolean[] deleted = {false};
        rooms.computeIfPresent(room, (k, members) -> {
            Set<String> rest = MemberSets.without(members, socketId);
            deleted[0] = rest == null;
            return rest;
        });
        for (AdapterListener l : listeners) l.onLeaveRoom(room, socketId);
        if (deleted[0]) for (AdapterListener l : listeners) l.onDeleteRoom(room);
    }

    @Override
    public void delAll(String socketId) {
        Set<String> mine = socketRooms.remove(socketId);
        if (mine == null) return;
        for (String room : mine) leave(socketId, room);
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        Set<String> mine = socketRooms.get(socketId);
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public void forEachTarget(BroadcastOptions options, Consumer<Socket> action) {
        Set<String> except = options.except();
        if (options.rooms().isEmpty()) {
            for (Socket s : namespace.socketMap().values()) {
                if (!isExcluded(s.id(), except)) action.accept(s);
            }
            return;
        }
        Set<String> seen = options.rooms().size() > 1 ? new HashSet<>() : null;
        for (String room : options.rooms()) {
            Set<String> members = rooms.get(room);
            if (members == null) continue;
            for (String id : members) {
                if (seen != null && !seen.add(id)) continue;
                if (isExcluded(id, except)) continue;
                Socket s = namespace.socketMap().get(id);
                if (s != null) action.accept(s);
            }
        }
    }

    private boolean isExcluded(String socketId, Set<String> except) {
        if (except.isEmpty()) return false;
        for (String room : except) {
            Set<String> members = rooms.get(room);
            if (members != null && members.contains(socketId)) return true;
        }
        return false;
    }

    @Override
    public void broadcast(List<Packet> encoded, BroadcastOptions options) {
        boolean isVolatile = options.isVolatile();
        forEachTarget(options, s -> s.client().write(encoded, isVolatile));
    }

    @Override
    public void close() {
        rooms.clear();
        socketRooms.clear();
    }
}
