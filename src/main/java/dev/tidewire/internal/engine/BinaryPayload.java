package dev.tidewire.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The v3 binary payload of XHR2 clients ({@code application/octet-stream}). Per packet: 0 for text or 1 for binary,
 * the length's decimal digits as byte values 0 to 9, 0xFF, then the packet: UTF-8 text, or the type byte and the
 * data. Lengths count bytes. Example: {@code 00 04 ff 34 e2 82 ac 01 04 ff 04 01 02 03} is "4€" then bytes 1 2 3.
 */
final class BinaryPayload {
    private static final int TEXT = 0;
    private static final int BINARY = 1;
    private static final int END_OF_LENGTH = 0xff;

    private BinaryPayload() {
    }

    static byte[] encode(List<Packet> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (Packet p : packets) {
            if (p.isBinary()) {
                byte[] data = p.binary(); // written as binaryFrame lays it out, without copying it first
                writeHeader(out, BINARY, data.length + 1);
                out.write(PacketCodecV3.MESSAGE_BYTE);
                out.write(data, 0, data.length);
            } else {
                byte[] utf8 = p.encodedText().getBytes(StandardCharsets.UTF_8);
                writeHeader(out, TEXT, utf8.length);
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toByteArray();
    }

    private static void writeHeader(ByteArrayOutputStream out, int kind, int length) {
        out.write(kind);
        String digits = Integer.toString(length);
        for (int i = 0; i < digits.length(); i++) out.write(digits.charAt(i) - '0');
        out.write(END_OF_LENGTH);
    }

    /** The packets before the first malformed one, and its error. An empty body holds no packets, as the reference. */
    static Payload.Decoded decode(byte[] body, int maxPackets) {
        List<Packet> out = new ArrayList<>();
        CharsetDecoder utf8 = null; // made for the first text record, reused for the others
        int i = 0;
        while (i < body.length) {
            if (out.size() >= maxPackets) return new Payload.Decoded(out, "too many packets in payload");
            int kind = body[i++];
            if (kind != TEXT && kind != BINARY) return new Payload.Decoded(out, "invalid packet kind " + (kind & 0xff));
            long length = 0;
            int digits = 0;
            while (true) {
                if (i == body.length) return new Payload.Decoded(out, "packet length without its end");
                int b = body[i++] & 0xff;
                if (b == END_OF_LENGTH) break;
                if (b > 9) return new Payload.Decoded(out, "invalid packet length digit " + b);
                if (++digits > LengthPrefixedPayload.MAX_LENGTH_DIGITS) {
                    return new Payload.Decoded(out, "packet length too long");
                }
                length = length * 10 + b;
            }
            if (digits == 0) return new Payload.Decoded(out, "empty packet length");
            if (length > body.length - i) return new Payload.Decoded(out, "packet shorter than its length");
            int end = i + (int) length;
            try {
                if (kind == TEXT) {
                    if (utf8 == null) utf8 = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                    out.add(PacketCodecV3.decodeText(text(utf8, body, i, end)));
                } else {
                    out.add(PacketCodecV3.decodeBinary(body, i, end));
                }
            } catch (PacketParseException e) {
                return new Payload.Decoded(out, e.getMessage());
            }
            i = end;
        }
        return new Payload.Decoded(out, null);
    }

    private static String text(CharsetDecoder utf8, byte[] bytes, int from, int to) throws PacketParseException {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new PacketParseException("invalid UTF-8 in text packet");
        }
    }
}
