package dev.tidewire.internal.parser;

/** A Socket.IO packet that must be rejected; the server closes that client's connection. */
public final class SioParseException extends Exception {
    public SioParseException(String message) {
        super(message, null, false, false);
    }
}
