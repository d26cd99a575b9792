package dev.tidewire.internal.redis;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the reference's messages: broadcast options, event packets, sockets. Reading is lenient where the
 * reference is (a missing {@code except} is none, a missing {@code nsp} is {@code /}, a room may be a number) and
 * strict where the message would mean nothing (a packet without event data).
 */
final class WireShapes {
    /** socket.io-parser's {@code PacketType.EVENT}; the receiving node's encoder makes it binary when needed. */
    static final int EVENT = 2;

    private WireShapes() {
    }

    /** {@code {rooms, except, flags}} of a broadcast; flags hold only those set, as the reference sends them. */
    static Map<String, Object> broadcastOptions(BroadcastOptions options) {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (options.isVolatile()) flags.put("volatile", true);
        if (options.timeoutMillis() > 0) flags.put("timeout", options.timeoutMillis());
        Map<String, Object> out = targets(options);
        out.put("flags", flags);
        return out;
    }

    /** {@code {rooms, except}}: the reference's requests carry no flags. */
    static Map<String, Object> targets(BroadcastOptions options) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", new ArrayList<>(options.rooms()));
        out.put("except", new ArrayList<>(options.except()));
        return out;
    }

    /** Another node's options; missing parts are empty. The {@code local} flag is never the receiver's business. */
    static BroadcastOptions options(Object wire) {
        if (wire == null) return BroadcastOptions.ALL;
        if (!(wire instanceof Map<?, ?> map)) throw new MalformedMessageException("options that are not an object");
        boolean isVolatile = false;
        long timeout = 0;
        if (map.get("flags") instanceof Map<?, ?> flags) {
            isVolatile = Boolean.TRUE.equals(flags.get("volatile"));
            if (flags.get("timeout") instanceof Number n && n.longValue() > 0) timeout = n.longValue();
        }
        return new BroadcastOptions(rooms(map.get("rooms")), rooms(map.get("except")), isVolatile, false, timeout);
    }

    static Map<String, Object> packet(List<Object> data, String namespace) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", EVENT);
        packet.put("data", data);
        packet.put("nsp", namespace);
        return packet;
    }

    /** The namespace a packet is for: {@code /} when it names none, as the reference reads it. */
    static String namespaceOf(Map<?, ?> packet) {
        Object nsp = packet.get("nsp");
        if (nsp == null) return "/";
        if (nsp instanceof String s) return s;
        throw new MalformedMessageException("a packet whose nsp is not a string");
    }

    /** The event name and arguments of a packet. */
    @SuppressWarnings("unchecked")
    static List<Object> eventData(Object packet) {
        if (!(packet instanceof Map<?, ?> map) || !(map.get("data") instanceof List<?> data) || data.isEmpty()
                || !(data.get(0) instanceof String)) {
            throw new MalformedMessageException("a packet without an event name and arguments");
        }
        return new ArrayList<>((List<Object>) data);
    }

    /** {@code {id, handshake, rooms, data}}, as the reference answers a fetch. */
    static Map<String, Object> socket(SocketDetails s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("handshake", s.handshake());
        out.put("rooms", s.roomList());
        out.put("data", s.data());
        return out;
    }

    static SocketDetails socket(Object wire) {
        if (!(wire instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
            throw new MalformedMessageException("a socket without an id");
        }
        return new SocketDetails(id, stringKeys(map.get("handshake")), rooms(map.get("rooms")),
                stringKeys(map.get("data")));
    }

    /** Room names; a Node application may use numbers as rooms, which are names here. */
    static Set<String> rooms(Object list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null) return out;
        if (!(list instanceof List<?> items)) throw new MalformedMessageException("rooms that are not a list");
        for (Object room : items) {
            if (room instanceof String s) out.add(s);
            else if (room instanceof Long || room instanceof Integer) out.add(room.toString());
            else if (room instanceof Double d && d == Math.rint(d) && !d.isInfinite()) out.add(Long.toString(d.longValue()));
            else throw new MalformedMessageException("a room that is neither a string nor a number");
        }
        return out;
    }

    static Map<String, Object> stringKeys(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A message's object, or a clear refusal. */
    static Map<?, ?> object(Object wire, String what) {
        if (wire instanceof Map<?, ?> map) return map;
        throw new MalformedMessageException(what + " that is not an object");
    }

    static String string(Object wire) {
        return wire instanceof String s ? s : null;
    }
}
