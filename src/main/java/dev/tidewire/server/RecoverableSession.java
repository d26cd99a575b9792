package dev.tidewire.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A socket's state kept for connection state recovery (the reference's {@code Session}): its id, its private session
 * id {@code pid} (which the client sends back, and which no other client sees), its rooms and data. When restored, it
 * carries the events the socket missed meanwhile, each as event data ending with its offset.
 */
public record RecoverableSession(String sid, String pid, Set<String> rooms, Map<String, Object> data,
                                 List<List<Object>> missedPackets) {
    public RecoverableSession {
        rooms = Set.copyOf(rooms);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data)); // values may be null
        missedPackets = List.copyOf(missedPackets);
    }

    RecoverableSession withMissedPackets(List<List<Object>> missed) {
        return new RecoverableSession(sid, pid, rooms, data, missed);
    }
}
