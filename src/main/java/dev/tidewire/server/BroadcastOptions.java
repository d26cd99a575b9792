package dev.tidewire.server;

import java.util.Set;

/**
 * Whom a broadcast reaches, as the reference's adapters receive it: members of any of {@code rooms} (everyone when
 * empty) that are in none of {@code except} (a socket id is also a room), with its flags.
 *
 * @param isVolatile    packets are dropped for clients whose transport cannot write at once
 * @param local         this node only: the adapter does not forward the operation to the cluster
 * @param timeoutMillis the time limit of a broadcast with acks or of a cluster request; 0 for none
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean isVolatile, boolean local,
                               long timeoutMillis) {
    /** Every socket, no flag. */
    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false, false, 0);

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
        if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
    }

    /** The sockets of these rooms only (a socket id is a room). */
    public static BroadcastOptions toRooms(Set<String> rooms) {
        return new BroadcastOptions(rooms, Set.of(), false, false, 0);
    }

    /** The same targets, on this node only. */
    public BroadcastOptions onThisNodeOnly() {
        return local ? this : new BroadcastOptions(rooms, except, isVolatile, true, timeoutMillis);
    }
}
