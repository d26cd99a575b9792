package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.List;

/** The Engine.IO v4 HTTP long-polling payload: packets joined by the record separator U+001E. */
public final class Payload {
    public static final char SEPARATOR = '\u001e';

    private Payload() {
    }

    public static String encode(List<Packet> packets) {
        if (packets.size() == 1) return packets.get(0).encodedText();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < packets.size(); i++) {
            if (i > 0) sb.append(SEPARATOR);
            sb.append(packets.get(i).encodedText());
        }
        return sb.toString();
    }

    /**
     * @param maxPackets a bound on the number of records, so that a small body of separators cannot make a huge list
     */
    public static List<Packet> decode(String body, int maxPackets) throws PacketParseException {
        Decoded d = decodeUntilError(body, maxPackets);
        if (d.error() != null) throw new PacketParseException(d.error());
        return d.packets();
    }

    /** The packets before the first malformed record, and that record's error ({@code null} when none). */
    public record Decoded(List<Packet> packets, String error) {
    }

    public static Decoded decodeUntilError(String body, int maxPackets) {
        List<Packet> out = new ArrayList<>();
        int start = 0;
        while (true) {
            if (out.size() >= maxPackets) return new Decoded(out, "too many packets in payload");
            int end = body.indexOf(SEPARATOR, start);
            String record = end < 0 ? body.substring(start) : body.substring(start, end);
            try {
                out.add(PacketCodec.decodeText(record));
            } catch (PacketParseException e) {
                return new Decoded(out, e.getMessage());
            }
            if (end < 0) return new Decoded(out, null);
            start = end + 1;
        }
    }
}
