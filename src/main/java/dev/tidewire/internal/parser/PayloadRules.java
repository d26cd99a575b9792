package dev.tidewire.internal.parser;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which payload each packet type may carry, as the reference decoder ({@code isPayloadValid}) checks it. As there, only
 * a payload that is present is checked: every type may come without one ({@code 2}, {@code 3<id>}), and what that
 * means is the server's business. A packet failing these rules is a protocol violation: the server closes the
 * connection.
 */
final class PayloadRules {
    /** Event names the reference reserves for its own use; a client may not emit them. */
    static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private PayloadRules() {
    }

    /**
     * @param present whether the packet had a payload at all ({@code data} null with {@code present} means JSON
     *                {@code null})
     */
    static void check(SioPacketType type, Object data, boolean present) throws SioParseException {
        if (!present) return;
        boolean valid = switch (type) {
            case CONNECT -> data instanceof Map;
            case DISCONNECT -> false;
            case CONNECT_ERROR -> data instanceof Map || data instanceof String;
            case EVENT, BINARY_EVENT -> data instanceof List<?> args && !args.isEmpty() && isEventName(args.get(0));
            case ACK, BINARY_ACK -> data instanceof List;
        };
        if (!valid) throw new SioParseException("invalid payload for " + type + ": " + describe(type));
    }

    private static boolean isEventName(Object first) {
        return first instanceof Number || (first instanceof String name && !RESERVED_EVENTS.contains(name));
    }

    private static String describe(SioPacketType type) {
        return switch (type) {
            case CONNECT -> "expected an object or nothing";
            case DISCONNECT -> "expected nothing";
            case CONNECT_ERROR -> "expected an object, a string or nothing";
            case EVENT, BINARY_EVENT ->
                    "expected nothing, or a non-empty array starting with a non-reserved event name or a number";
            case ACK, BINARY_ACK -> "expected an array or nothing";
        };
    }
}
