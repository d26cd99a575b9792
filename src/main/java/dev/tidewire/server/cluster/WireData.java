package dev.tidewire.server.cluster;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parts of {@link ClusterMessage} data as the reference writes them: options, packets, sockets. */
final class WireData {
    /** The reference's {@code PacketType.EVENT}; its encoder turns it into a binary event when needed. */
    static final int EVENT = 2;

    private WireData() {
    }

    /** {@code {rooms, except, flags}}, flags holding only those set, as the reference sends them. */
    static Map<String, Object> options(BroadcastOptions options) {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (options.isVolatile()) flags.put("volatile", true);
        if (options.timeoutMillis() > 0) flags.put("timeout", options.timeoutMillis());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", new ArrayList<>(options.rooms()));
        out.put("except", new ArrayList<>(options.except()));
        out.put("flags", flags);
        return out;
    }

    /** Another node's options; the {@code local} flag is that node's business and never applies here. */
    static BroadcastOptions options(Object wire) {
        if (!(wire instanceof Map<?, ?> map)) return BroadcastOptions.ALL;
        long timeout = 0;
        boolean isVolatile = false;
        if (map.get("flags") instanceof Map<?, ?> flags) {
            isVolatile = Boolean.TRUE.equals(flags.get("volatile"));
            if (flags.get("timeout") instanceof Number n && n.longValue() > 0) timeout = n.longValue();
        }
        return new BroadcastOptions(strings(map.get("rooms")), strings(map.get("except")), isVolatile, false, timeout);
    }

    static Map<String, Object> packet(List<Object> data, String nsp) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", EVENT);
        packet.put("data", data);
        packet.put("nsp", nsp);
        return packet;
    }

    /** The event data of a packet, or {@code null} when it is not an event with data. */
    @SuppressWarnings("unchecked")
    static List<Object> eventData(Object packet) {
        if (!(packet instanceof Map<?, ?> map) || !(map.get("data") instanceof List<?> data) || data.isEmpty()) {
            return null;
        }
        return new ArrayList<>((List<Object>) data);
    }

    static Map<String, Object> socket(SocketDetails s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("handshake", s.handshake());
        out.put("rooms", s.roomList());
        out.put("data", s.data());
        return out;
    }

    /** A socket of another node, or {@code null} when the entry is not one. */
    static SocketDetails socket(Object wire) {
        if (!(wire instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) return null;
        return new SocketDetails(id, stringKeys(map.get("handshake")), strings(map.get("rooms")),
                stringKeys(map.get("data")));
    }

    static Set<String> strings(Object list) {
        Set<String> out = new LinkedHashSet<>();
        if (list instanceof List<?> l) for (Object o : l) if (o instanceof String s) out.add(s);
        return out;
    }

    private static Map<String, Object> stringKeys(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
