package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The v3 text payload: each packet as {@code <length>:<packet>}, the length in UTF-16 code units (JavaScript's string
 * length, so a character outside the BMP counts 2), binary packets as {@code b4<base64>}. No packets is {@code 0:}.
 */
final class LengthPrefixedPayload {
    /** No body the server accepts has a packet of 10^10 characters; more digits are an attack, not a length. */
    static final int MAX_LENGTH_DIGITS = 10;

    private LengthPrefixedPayload() {
    }

    static String encode(List<Packet> packets) {
        if (packets.isEmpty()) return "0:";
        StringBuilder sb = new StringBuilder();
        for (Packet p : packets) {
            String text = PacketCodecV3.text(p);
            sb.append(text.length()).append(':').append(text);
        }
        return sb.toString();
    }

    /** The packets before the first malformed one, and its error; zero-length records are skipped, as the reference. */
    static Payload.Decoded decode(String body, int maxPackets) {
        List<Packet> out = new ArrayList<>();
        if (body.isEmpty()) return new Payload.Decoded(out, "empty payload");
        int i = 0;
        while (i < body.length()) {
            long length = 0;
            int colon = i;
            for (; colon < body.length() && body.charAt(colon) != ':'; colon++) {
                char c = body.charAt(colon);
                if (c < '0' || c > '9') return new Payload.Decoded(out, "invalid packet length");
                if (colon - i == MAX_LENGTH_DIGITS) return new Payload.Decoded(out, "packet length too long");
                length = length * 10 + (c - '0');
            }
            if (colon == body.length()) return new Payload.Decoded(out, "packet length without ':'");
            if (colon == i) return new Payload.Decoded(out, "empty packet length");
            int start = colon + 1;
            if (length > body.length() - start) return new Payload.Decoded(out, "packet shorter than its length");
            int end = start + (int) length;
            if (end > start) {
                if (out.size() >= maxPackets) return new Payload.Decoded(out, "too many packets in payload");
                try {
                    out.add(PacketCodecV3.decodeText(body.substring(start, end)));
                } catch (PacketParseException e) {
                    return new Payload.Decoded(out, e.getMessage());
                }
            }
            i = end;
        }
        return new Payload.Decoded(out, null);
    }
}
