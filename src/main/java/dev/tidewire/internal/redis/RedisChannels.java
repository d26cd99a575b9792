package dev.tidewire.internal.redis;

import java.util.Set;

/**
 * The channel names of one namespace, as the reference's Redis adapter names them: broadcasts on
 * {@code <key>#<nsp>#} (or {@code <key>#<nsp>#<room>#} for a broadcast to one room, so that a subscriber can filter
 * by channel), requests on {@code <key>-request#<nsp>#}, answers on {@code <key>-response#<nsp>#} or on the
 * requester's own {@code <key>-response#<nsp>#<uid>#}.
 */
record RedisChannels(String broadcast, String request, String response) {
    static RedisChannels of(String key, String namespace) {
        return new RedisChannels(key + "#" + namespace + "#", key + "-request#" + namespace + "#",
                key + "-response#" + namespace + "#");
    }

    /** Every broadcast channel of the namespace, the per-room ones included. */
    String broadcastPattern() {
        return broadcast + "*";
    }

    /** Where a broadcast to these rooms goes. */
    String broadcastTo(Set<String> rooms) {
        return rooms.size() == 1 ? broadcast + rooms.iterator().next() + "#" : broadcast;
    }

    String responseTo(String uid) {
        return response + uid + "#";
    }
}
