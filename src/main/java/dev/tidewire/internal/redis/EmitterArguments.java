package dev.tidewire.internal.redis;

import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.server.Ack;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What an emitter may send: an event name that is not reserved, and arguments that both the MessagePack of a
 * broadcast and the JSON of a request carry as they are. A bad call is refused when it is made, with
 * {@link IllegalArgumentException}, rather than published half-encoded.
 */
final class EmitterArguments {
    /** The reference emitter's {@code RESERVED_EVENTS}: names the clients' own lifecycle events use. */
    private static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private EmitterArguments() {
    }

    /** An event for the clients: its name must not be reserved. */
    static List<Object> clientEvent(String event, Object[] args) {
        if (event != null && RESERVED.contains(event)) throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        return eventData(event, args);
    }

    /** {@code [event, ...args]}, checked. */
    static List<Object> eventData(String event, Object[] args) {
        if (event == null) throw new IllegalArgumentException("the event name is missing");
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        for (int i = 0; i < args.length; i++) {
            if (isCallback(args[i])) {
                throw new IllegalArgumentException("an emitter cannot receive acknowledgements: argument " + (i + 1)
                        + " is a callback");
            }
            check(args[i], "argument " + (i + 1), 0);
            data.add(args[i]);
        }
        return data;
    }

    /** Room names: none may be {@code null}. */
    static List<String> rooms(String[] rooms) {
        for (String room : rooms) {
            if (room == null) throw new IllegalArgumentException("a room name must not be null");
        }
        return List.of(rooms);
    }

    private static boolean isCallback(Object value) {
        return value instanceof Ack || value instanceof Runnable || value instanceof Consumer<?>
                || value instanceof BiConsumer<?, ?> || value instanceof Function<?, ?>
                || (value != null && value.getClass().isHidden()); // any other lambda
    }

    private static void check(Object value, String where, int depth) {
        if (depth > ParserLimits.MAX_DEPTH_CEILING) throw new IllegalArgumentException(where + " is nested too deep (or cyclic)");
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof byte[]
                || value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > (big.signum() < 0 ? 63 : 64)) throw new IllegalArgumentException(where + " is beyond 64 bits: " + big);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where + " has a key that is not a string: " + e.getKey());
                }
                check(e.getValue(), where + "." + key, depth + 1);
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) check(list.get(i), where + "[" + i + "]", depth + 1);
            return;
        }
        throw new IllegalArgumentException(where + " is not a JSON value or byte[]: a " + value.getClass().getName());
    }
}
