package dev.tidewire.server.cluster;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of {@link ClusterMessage} data as the reference writes them: options, packets, sockets. Options and
 * sockets have their wire forms on {@link BroadcastOptions} and {@link SocketDetails}, which the Redis adapter
 * shares.
 */
final class WireData {
    /** The reference's {@code PacketType.EVENT}; its encoder turns it into a binary event when needed. */
    static final int EVENT = 2;

    private WireData() {
    }

    static Map<String, Object> options(BroadcastOptions options) {
        return options.toWire();
    }

    /** Another node's options; anything but an object means every socket. */
    static BroadcastOptions options(Object wire) {
        return wire instanceof Map<?, ?> map ? BroadcastOptions.fromWire(map) : BroadcastOptions.ALL;
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
        return s.toWire();
    }

    /** A socket of another node, or {@code null} when the entry is not one. */
    static SocketDetails socket(Object wire) {
        try {
            return SocketDetails.fromWire(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Set<String> strings(Object list) {
        return BroadcastOptions.roomsFromWire(list);
    }
}
