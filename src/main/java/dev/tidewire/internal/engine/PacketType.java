package dev.tidewire.internal.engine;

/** Engine.IO packet types; the ordinal is the digit on the wire. */
public enum PacketType {
    OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

    private static final PacketType[] BY_DIGIT = values();

    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** @return the type for a wire digit, or {@code null} when the character is not one. */
    public static PacketType fromDigit(char c) {
        int i = c - '0';
        return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
    }
}
