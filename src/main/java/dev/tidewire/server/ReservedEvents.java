package dev.tidewire.server;

import java.util.Set;

/** Event names the protocol reserves: a server emit with one of them is a programming error. */
final class ReservedEvents {
    private static final Set<String> NAMES =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private ReservedEvents() {
    }

    static void check(String event) {
        if (event == null || NAMES.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }
}
