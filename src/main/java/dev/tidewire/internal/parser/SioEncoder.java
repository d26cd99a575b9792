package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a Socket.IO v5 packet to Engine.IO messages: {@code <type>[<n>-][<nsp>,][<ackId>][<json>]}, then one
 * binary message per attachment. Stateless and thread-safe; the returned packets are immutable, so a broadcast is
 * encoded once and the same list written to every target.
 */
public final class SioEncoder {
    private SioEncoder() {
    }

    /** {@link #encode(SioPacket, JsonFallback)} with unknown value types rejected. */
    public static List<Packet> encode(SioPacket packet) {
        return encode(packet, JsonFallback.REJECT);
    }

    /**
     * The text message first, then the attachments. Every {@code byte[]} or {@code ByteBuffer} in an EVENT or ACK
     * (searched depth-first through maps, collections and arrays) becomes a placeholder and an attachment, and the
     * packet is re-typed BINARY_EVENT / BINARY_ACK. A {@code byte[]} is sent as is (not copied): do not change it
     * afterwards. A ByteBuffer's remaining bytes are copied.
     *
     * @throws IllegalArgumentException for binary in a CONNECT, DISCONNECT or CONNECT_ERROR payload, an invalid
     *                                  namespace or ack id, or a value neither the writer nor {@code fallback} handles
     */
    public static List<Packet> encode(SioPacket packet, JsonFallback fallback) {
        StringBuilder sb = new StringBuilder(64);
        List<byte[]> attachments = write(sb, packet, fallback);
        Packet text = Packet.message(sb.toString());
        if (attachments.isEmpty()) return List.of(text);
        List<Packet> packets = new ArrayList<>(attachments.size() + 1);
        packets.add(text);
        for (byte[] bytes : attachments) packets.add(Packet.binaryMessage(bytes));
        return List.copyOf(packets);
    }

    /**
     * The fast path for packets without binary (CONNECT replies, errors, plain events): just the text.
     *
     * @throws IllegalArgumentException as {@link #encode(SioPacket, JsonFallback)}, and when the packet needs
     *                                  attachments
     */
    public static String encodeText(SioPacket packet, JsonFallback fallback) {
        StringBuilder sb = new StringBuilder(64);
        if (!write(sb, packet, fallback).isEmpty()) {
            throw new IllegalArgumentException("packet carries binary attachments: use encode()");
        }
        return sb.toString();
    }

    /** Writes the text form into {@code sb} and returns the attachments found (empty if none). */
    private static List<byte[]> write(StringBuilder sb, SioPacket packet, JsonFallback fallback) {
        SioPacketType type = packet.type();
        String nsp = packet.namespace();
        if (nsp.charAt(0) != '/' || nsp.indexOf(',') >= 0) {
            // the decoder finds the namespace by its leading '/' and its end by the first ','
            throw new IllegalArgumentException("namespace must start with '/' and contain no ',': " + nsp);
        }
        if (packet.ackId() < SioPacket.NO_ACK) throw new IllegalArgumentException("negative ack id " + packet.ackId());

        sb.append(type.digit());
        if (!"/".equals(nsp)) sb.append(nsp).append(',');
        if (packet.hasAck()) sb.append(packet.ackId());
        boolean mayCarryBinary = type == SioPacketType.EVENT || type == SioPacketType.ACK || type.isBinary();
        JsonWriter writer = new JsonWriter(sb, fallback, mayCarryBinary);
        if (packet.data() != null) writer.writeValue(packet.data(), 0);

        List<byte[]> attachments = writer.attachments();
        if (!attachments.isEmpty() || type.isBinary()) {
            // the count is known only after the JSON is written: insert it behind the type digit
            SioPacketType binaryType = type == SioPacketType.EVENT || type == SioPacketType.BINARY_EVENT
                    ? SioPacketType.BINARY_EVENT : SioPacketType.BINARY_ACK;
            sb.setCharAt(0, binaryType.digit());
            sb.insert(1, attachments.size() + "-");
        }
        return attachments;
    }
}
