package dev.tidewire.server.parser;

/**
 * The Socket.IO packet types a parser of your own carries. Binary travels in place in a packet's data, so there are no
 * {@code BINARY_EVENT} and {@code BINARY_ACK} here, as in the reference's {@code socket.io-msgpack-parser}.
 */
public enum PacketType {
    CONNECT(0), DISCONNECT(1), EVENT(2), ACK(3), CONNECT_ERROR(4);

    private static final PacketType[] BY_CODE = values();

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    /** The type's number in the Socket.IO protocol, which formats usually write. */
    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a number that is not one of these types */
    public static PacketType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) throw new IllegalArgumentException("no packet type " + code);
        return BY_CODE[code];
    }
}
