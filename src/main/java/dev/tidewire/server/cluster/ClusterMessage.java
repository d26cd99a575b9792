package dev.tidewire.server.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message between the nodes of a cluster, in the shape of the reference's {@code ClusterMessage} and
 * {@code ClusterResponse}: the sender's {@code uid}, the namespace, the type, and the type's {@code data} object as
 * the reference writes it (JSON values, {@code byte[]} for binary), or {@code null} for heartbeats. A transport
 * encodes all four; see {@link ClusterAdapter}.
 */
public record ClusterMessage(String uid, String nsp, MessageType type, Map<String, Object> data) {
    public ClusterMessage {
        if (uid == null || nsp == null || type == null) throw new IllegalArgumentException("uid, nsp and type are required");
        data = data == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The reference's {@code PacketType.EVENT}; its encoder turns it into a binary event when needed. */
    public static final int EVENT = 2;

    /**
     * An event as the reference's adapters carry it: {@code {type: 2, data: [event, ...args], nsp}}, the packet before
     * encoding (the cluster adapters' and the Redis adapter's messages hold it).
     */
    public static Map<String, Object> eventPacket(List<Object> data, String nsp) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", EVENT);
        packet.put("data", data);
        packet.put("nsp", nsp);
        return packet;
    }

    /** A field of the data, or {@code null}. */
    public Object get(String key) {
        return data == null ? null : data.get(key);
    }

    /** The request id of a request or response, or {@code null}. */
    public String requestId() {
        return get("requestId") instanceof String id ? id : null;
    }
}
