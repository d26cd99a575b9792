package dev.tidewire.engine;

import java.util.Base64;

/** Encodes and decodes single Engine.IO v4 packets (one WebSocket frame, or one record of a polling payload). */
public final class PacketCodec {
    private PacketCodec() {
    }

    /** Decodes a text frame or payload record: a type digit then data, or {@code b} then base64 binary. */
    public static Packet decodeText(String s) throws PacketParseException {
        if (s.isEmpty()) throw new PacketParseException("empty packet");
        char first = s.charAt(0);
        if (first == 'b') {
            try {
                return Packet.binaryMessage(Base64.getDecoder().decode(s.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new PacketParseException("invalid base64 in binary packet");
            }
        }
        PacketType type = PacketType.fromDigit(first);
        if (type == null) throw new PacketParseException("unknown packet type '" + printable(first) + "'");
        return Packet.of(type, s.substring(1));
    }

    /** A binary WebSocket frame is always a MESSAGE carrying the raw bytes. */
    public static Packet decodeBinary(byte[] data) {
        return Packet.binaryMessage(data);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
