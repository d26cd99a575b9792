package dev.tidewire.internal.parser;

/** Socket.IO protocol v5 packet types; the ordinal is the digit on the wire. */
public enum SioPacketType {
    CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

    private static final SioPacketType[] BY_DIGIT = values();

    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** @return the type for a wire digit, or {@code null} */
    public static SioPacketType fromDigit(char c) {
        int i = c - '0';
        return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
    }

    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }
}
