package dev.tidewire.internal.engine;

import java.util.Locale;

/**
 * Who frames the WebSocket transport (option {@code webSocketFraming}): the container's JSR-356 implementation, or
 * Tidewire's own RFC 6455 framing over the Servlet HTTP upgrade, which writes a broadcast's frame once for all its
 * receivers and unmasks client frames a word at a time.
 */
public enum WebSocketFraming {
    /**
     * The default, today the same as {@link #TIDEWIRE} on WildFly and Payara alike (both are measured and tested with
     * it). It is a name of its own so that a container where Tidewire's framing cannot run can get its own framing by
     * default, without a change to anyone's configuration.
     */
    AUTO,
    /** The container's JSR-356 WebSocket implementation. */
    CONTAINER,
    /** Tidewire's framing over the Servlet HTTP upgrade. */
    TIDEWIRE;

    /** @throws IllegalArgumentException for an unknown name */
    public static WebSocketFraming parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
