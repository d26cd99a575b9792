package dev.tidewire.server.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** A field of the data, or {@code null}. */
    public Object get(String key) {
        return data == null ? null : data.get(key);
    }

    /** The request id of a request or response, or {@code null}. */
    public String requestId() {
        return get("requestId") instanceof String id ? id : null;
    }
}
