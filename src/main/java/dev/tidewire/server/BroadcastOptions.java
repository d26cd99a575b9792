package dev.tidewire.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a broadcast reaches, as the reference's adapters receive it: members of any of {@code rooms} (everyone when
 * empty) that are in none of {@code except} (a socket id is also a room), with its flags.
 *
 * @param isVolatile    packets are dropped for clients whose transport cannot write at once
 * @param local         this node only: the adapter does not forward the operation to the cluster
 * @param timeoutMillis the time limit of a broadcast with acks or of a cluster request; 0 for none
 * @param compress      whether the packets may be sent compressed (true unless {@code compress(false)}): a polling
 *                      answer of such packets only is sent uncompressed
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean isVolatile, boolean local,
                               long timeoutMillis, boolean compress) {
    /** Every socket, no flag. */
    public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false, false, 0);

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
        if (timeoutMillis < 0) throw new IllegalArgumentException("timeout must not be negative");
    }

    /** Options whose packets may be compressed (the default). */
    public BroadcastOptions(Set<String> rooms, Set<String> except, boolean isVolatile, boolean local,
                            long timeoutMillis) {
        this(rooms, except, isVolatile, local, timeoutMillis, true);
    }

    /** The sockets of these rooms only (a socket id is a room). */
    public static BroadcastOptions toRooms(Set<String> rooms) {
        return new BroadcastOptions(rooms, Set.of(), false, false, 0);
    }

    /** The same targets, on this node only. */
    public BroadcastOptions onThisNodeOnly() {
        return local ? this : new BroadcastOptions(rooms, except, isVolatile, true, timeoutMillis, compress);
    }

    /** The same targets and flags, with this time limit. */
    public BroadcastOptions withTimeout(long millis) {
        return millis == timeoutMillis ? this : new BroadcastOptions(rooms, except, isVolatile, local, millis, compress);
    }

    /** The same targets and flags, with this compression flag. */
    public BroadcastOptions withCompress(boolean compress) {
        return compress == this.compress ? this
                : new BroadcastOptions(rooms, except, isVolatile, local, timeoutMillis, compress);
    }

    /**
     * These options as the reference's adapters send them to other nodes: {@code {rooms, except, flags}}, the flags
     * holding only those set ({@code volatile}, {@code timeout}, and {@code compress: false}; the reference treats a
     * missing {@code compress} as true). {@code local} never leaves its node.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (isVolatile) flags.put("volatile", true);
        if (!compress) flags.put("compress", false);
        if (timeoutMillis > 0) flags.put("timeout", timeoutMillis);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", new ArrayList<>(rooms));
        out.put("except", new ArrayList<>(except));
        out.put("flags", flags);
        return out;
    }

    /**
     * Another node's options, from {@link #toWire()}'s form as any reference adapter writes it: a missing part is
     * empty, other flags are ignored, and {@code local} is never set (it was the sender's business).
     *
     * @throws IllegalArgumentException when rooms or except is not a list of room names
     */
    public static BroadcastOptions fromWire(Map<?, ?> wire) {
        boolean isVolatile = false;
        boolean compress = true;
        long timeout = 0;
        if (wire.get("flags") instanceof Map<?, ?> flags) {
            isVolatile = Boolean.TRUE.equals(flags.get("volatile"));
            compress = !Boolean.FALSE.equals(flags.get("compress"));
            if (flags.get("timeout") instanceof Number n && n.longValue() > 0) timeout = n.longValue();
        }
        return new BroadcastOptions(roomsFromWire(wire.get("rooms")), roomsFromWire(wire.get("except")), isVolatile,
                false, timeout, compress);
    }

    /**
     * Room names as a reference adapter lists them: none for a missing list, and a number (a Node application may
     * use one as a room) as its decimal name.
     *
     * @throws IllegalArgumentException for anything but a list of strings and whole numbers
     */
    public static Set<String> roomsFromWire(Object list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null) return out;
        if (!(list instanceof List<?> items)) throw new IllegalArgumentException("rooms that are not a list");
        for (Object room : items) {
            if (room instanceof String s) out.add(s);
            else if (room instanceof Long || room instanceof Integer) out.add(room.toString());
            else if (room instanceof Double d && d == Math.rint(d) && !d.isInfinite()) out.add(Long.toString(d.longValue()));
            else throw new IllegalArgumentException("a room that is neither a string nor a whole number: " + room);
        }
        return out;
    }
}
