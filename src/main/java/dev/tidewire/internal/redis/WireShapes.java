package dev.tidewire.internal.redis;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the reference's messages: broadcast options, event packets, sockets ({@link BroadcastOptions#toWire()}
 * and {@link SocketDetails#toWire()} write theirs). Reading is lenient where the reference is (a missing
 * {@code except} is none, a missing {@code nsp} is {@code /}, a room may be a number) and strict where the message
 * would mean nothing (a packet without event data): then it throws {@link MalformedMessageException}.
 */
final class WireShapes {

    private WireShapes() {
    }

    /** {@code {rooms, except}}: the reference's requests carry no flags. */
    static Map<String, Object> targets(BroadcastOptions options) {
        Map<String, Object> out = options.toWire();
        out.remove("flags");
        return out;
    }

    /** Another node's options (none: every socket). */
    static BroadcastOptions options(Object wire) {
        if (wire == null) return BroadcastOptions.ALL;
        try {
            return BroadcastOptions.fromWire(object(wire, "options"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
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

    static SocketDetails socket(Object wire) {
        try {
            return SocketDetails.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    static Set<String> rooms(Object list) {
        try {
            return BroadcastOptions.roomsFromWire(list);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
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
