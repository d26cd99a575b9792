package dev.tidewire.server.cluster;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading the parts of another node's {@link ClusterMessage} data leniently: options, event packets, sockets. Their
 * wire forms are {@link BroadcastOptions#toWire()}, {@link ClusterMessage#eventPacket} and
 * {@link SocketDetails#toWire()}, which the Redis adapter shares.
 */
final class WireData {
    private WireData() {
    }

    /** Another node's options; anything but an object means every socket. */
    static BroadcastOptions options(Object wire) {
        return wire instanceof Map<?, ?> map ? BroadcastOptions.fromWire(map) : BroadcastOptions.ALL;
    }

    /** The event data of a packet, or {@code null} when it is not an event with data. */
    @SuppressWarnings("unchecked")
    static List<Object> eventData(Object packet) {
        if (!(packet instanceof Map<?, ?> map) || !(map.get("data") instanceof List<?> data) || data.isEmpty()) {
            return null;
        }
        return new ArrayList<>((List<Object>) data);
    }

    /** A socket of another node, or {@code null} when the entry is not one. */
    static SocketDetails socket(Object wire) {
        try {
            return SocketDetails.fromWire(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
