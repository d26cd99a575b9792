package dev.tidewire.internal.engine;

/** Raised by the codecs for input that is not a valid Engine.IO packet or payload. */
public final class PacketParseException extends Exception {
    public PacketParseException(String message) {
        super(message, null, false, false);
    }
}
