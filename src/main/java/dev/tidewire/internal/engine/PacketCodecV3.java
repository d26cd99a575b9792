package dev.tidewire.internal.engine;

import java.util.Arrays;
import java.util.Base64;

/**
 * Single Engine.IO v3 packets. Text packets read as in v4; binary ones carry their type: {@code b4<base64>} as text,
 * and a type byte (4) before the data as binary. Only messages may be binary here.
 */
final class PacketCodecV3 {
    static final byte MESSAGE_BYTE = (byte) PacketType.MESSAGE.ordinal();

    private PacketCodecV3() {
    }

    /** A text frame or payload record: a type digit then data, or {@code b}, a type digit, then base64. */
    static Packet decodeText(String s) throws PacketParseException {
        if (s.isEmpty() || s.charAt(0) != 'b') return PacketCodec.decodeText(s);
        if (s.length() < 2) throw new PacketParseException("binary packet without a type");
        requireMessage(s.charAt(1));
        try {
            return Packet.binaryMessage(Base64.getDecoder().decode(PacketCodec.withoutWhitespace(s.substring(2))));
        } catch (IllegalArgumentException e) {
            throw new PacketParseException("invalid base64 in binary packet");
        }
    }

    /** A binary frame, or a binary record of an XHR2 payload: the type byte, then the data. */
    static Packet decodeBinary(byte[] frame) throws PacketParseException {
        return decodeBinary(frame, 0, frame.length);
    }

    static Packet decodeBinary(byte[] bytes, int from, int to) throws PacketParseException {
        if (from >= to) throw new PacketParseException("binary packet without a type");
        if (bytes[from] != MESSAGE_BYTE) {
            throw new PacketParseException("binary packet of type byte " + (bytes[from] & 0xff) + ": only messages");
        }
        return Packet.binaryMessage(Arrays.copyOfRange(bytes, from + 1, to));
    }

    /** {@code b4<base64>}; reuses the packet's cached v4 form ({@code b<base64>}), so a broadcast encodes once. */
    static String base64Text(Packet binary) {
        String v4 = binary.encodedText();
        return new StringBuilder(v4.length() + 1).append("b4").append(v4, 1, v4.length()).toString();
    }

    /** The type byte (4) followed by the data. */
    static byte[] binaryFrame(Packet binary) {
        byte[] data = binary.binary();
        byte[] frame = new byte[data.length + 1];
        frame[0] = MESSAGE_BYTE;
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }

    /** The text form of any packet for a client that takes no binary. */
    static String text(Packet p) {
        return p.isBinary() ? p.v3Base64Text() : p.encodedText();
    }

    private static void requireMessage(char type) throws PacketParseException {
        if (type != PacketType.MESSAGE.digit()) {
            throw new PacketParseException("binary packet of type '" + PacketCodec.printable(type) + "': only messages");
        }
    }
}
