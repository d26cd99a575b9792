package dev.tidewire.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The rooms of one namespace on this node: O(1) membership, and targets found by walking the member sets directly.
 * Every adapter, local or cluster, keeps membership here: a socket's rooms live on its node.
 */
final class Rooms {
    private final Namespace namespace;
    private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> socketRooms = new ConcurrentHashMap<>();
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

    Rooms(Namespace namespace) {
        this.namespace = namespace;
    }

    void addListener(RoomListener listener) {
        listeners.add(listener);
    }

    void addAll(String socketId, Set<String> newRooms) {
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
            if (created[0]) for (RoomListener l : listeners) l.onCreateRoom(room);
            for (RoomListener l : listeners) l.onJoinRoom(room, socketId);
        }
    }

    void del(String socketId, String room) {
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
        for (RoomListener l : listeners) l.onLeaveRoom(room, socketId);
        if (deleted[0]) for (RoomListener l : listeners) l.onDeleteRoom(room);
    }

    /** Removes the socket from every room (leave-room events, then delete-room for emptied rooms). */
    void delAll(String socketId) {
        Set<String> mine = socketRooms.remove(socketId);
        if (mine == null) return;
        for (String room : mine) leave(socketId, room);
    }

    /** The rooms of a socket (a snapshot). */
    Set<String> socketRooms(String socketId) {
        Set<String> mine = socketRooms.get(socketId);
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    /** All room names of this node (a snapshot). */
    Set<String> names() {
        return Set.copyOf(rooms.keySet());
    }

    /** Calls {@code action} once for each local socket matched by {@code options}, without copying member sets. */
    void forEachTarget(BroadcastOptions options, Consumer<Socket> action) {
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

    void clear() {
        rooms.clear();
        socketRooms.clear();
    }
}
