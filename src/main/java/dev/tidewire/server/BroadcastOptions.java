package dev.tidewire.server;

import java.util.Set;

/**
 * Whom a broadcast reaches: members of any of {@code rooms} (everyone when empty) that are in none of
 * {@code except}. A socket id is also a room.
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean isVolatile) {
    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
    }
}
