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
}
