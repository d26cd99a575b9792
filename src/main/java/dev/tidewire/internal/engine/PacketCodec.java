package dev.tidewire.internal.engine;

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
                return Packet.binaryMessage(Base64.getDecoder().decode(withoutWhitespace(s.substring(1))));
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

    /**
     * The Java client (io.socket engine.io-client 2.x) wraps its base64 in lines and ends it with a newline; the
     * reference's decoder ({@code Buffer.from(s, "base64")}) skips whitespace, so this one does too.
     */
    static String withoutWhitespace(String b64) {
        for (int i = 0; i < b64.length(); i++) {
            char c = b64.charAt(i);
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                StringBuilder sb = new StringBuilder(b64.length());
                for (int j = 0; j < b64.length(); j++) {
                    char d = b64.charAt(j);
                    if (d != '\n' && d != '\r' && d != ' ' && d != '\t') sb.append(d);
                }
                return sb.toString();
            }
        }
        return b64;
    }

    static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
