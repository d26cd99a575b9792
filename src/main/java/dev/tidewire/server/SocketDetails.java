package dev.tidewire.server;

import dev.tidewire.internal.parser.JsonFallback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A socket as a cluster adapter carries it to another node in answer to {@code fetchSockets}: the reference's
 * {@code {id, handshake, rooms, data}}. The handshake is the reference's plain object ({@code headers} one string per
 * name, {@code query}, {@code address}, {@code time}, {@code issued}, {@code url}, {@code secure}, {@code xdomain},
 * {@code auth}); the data holds only JSON values.
 */
public record SocketDetails(String id, Map<String, Object> handshake, Set<String> rooms, Map<String, Object> data) {
    public SocketDetails {
        handshake = Collections.unmodifiableMap(new LinkedHashMap<>(handshake)); // values may be null
        rooms = Set.copyOf(rooms);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A local socket as another node reads it; the data and auth are copied as JSON values. */
    static SocketDetails of(Socket socket, JsonFallback fallback) {
        Map<String, Object> handshake = socket.handshake().asMap();
        handshake.put("auth", JsonValues.copyOf(handshake.get("auth"), fallback));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) JsonValues.copyOf(socket.data(), fallback);
        return new SocketDetails(socket.id(), handshake, socket.rooms(), data);
    }

    /** The rooms in the order of a list, for a wire format. */
    public List<String> roomList() {
        return List.copyOf(rooms);
    }

    /** This socket as the reference's adapters carry it to another node: {@code {id, handshake, rooms, data}}. */
    public Map<String, Object> toWire() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("handshake", handshake);
        out.put("rooms", roomList());
        out.put("data", data);
        return out;
    }

    /**
     * A socket of another node, from {@link #toWire()}'s form as any reference adapter writes it.
     *
     * @throws IllegalArgumentException when it is not an object with a string id and a list of rooms
     */
    public static SocketDetails fromWire(Object wire) {
        if (!(wire instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
            throw new IllegalArgumentException("a socket without an id");
        }
        return new SocketDetails(id, stringKeys(map.get("handshake")), BroadcastOptions.roomsFromWire(map.get("rooms")),
                stringKeys(map.get("data")));
    }

    private static Map<String, Object> stringKeys(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
