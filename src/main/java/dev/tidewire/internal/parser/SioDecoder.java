package dev.tidewire.internal.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes Socket.IO v5 packets from one client connection. Stateful (a binary packet waits for its attachments),
 * so one instance per connection, used by one thread at a time. Validation follows the reference decoder: any
 * {@link SioParseException} is a protocol violation and the connection should be closed. After an exception the
 * decoder holds no pending packet.
 */
public final class SioDecoder implements SioPacketDecoder {
    private final ParserLimits limits;
    private SioPacket pending; // a binary packet whose attachments are still arriving
    private int expectedAttachments;
    private List<byte[]> attachments;
    private String lastNamespace = "/"; // reused while a client talks to one namespace: no substring per packet

    public SioDecoder(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /** Whether a binary packet is waiting for more attachments. */
    public boolean awaitingAttachments() {
        return pending != null;
    }

    /**
     * Decodes one text message ({@code <type>[<n>-][<nsp>,][<ackId>][<json>]}).
     *
     * @return the packet, or {@code null} when it is a binary packet now waiting for its attachments
     */
    @Override
    public SioPacket decodeText(String text) throws SioParseException {
        if (pending != null) {
            int missing = expectedAttachments - attachments.size();
            reset();
            throw new SioParseException("text packet received while " + missing + " binary attachment(s) were expected");
        }
        int len = text.length();
        if (len == 0) throw new SioParseException("empty packet");
        SioPacketType type = SioPacketType.fromDigit(text.charAt(0));
        if (type == null) throw new SioParseException("unknown packet type '" + text.charAt(0) + "'");
        int i = 1;

        int attachmentCount = 0;
        if (type.isBinary()) {
            int start = i;
            while (i < len && isDigit(text.charAt(i))) {
                int digit = text.charAt(i) - '0';
                // checked before it grows, so that a count past int's range cannot wrap under the limit
                if (attachmentCount > Math.floorDiv(limits.maxAttachments() - digit, 10)) {
                    throw new SioParseException("too many attachments (limit " + limits.maxAttachments() + ")");
                }
                attachmentCount = attachmentCount * 10 + digit;
                i++;
            }
            if (i == start || i == len || text.charAt(i) != '-') {
                throw new SioParseException("illegal attachments: expected a count followed by '-'");
            }
            i++;
        }

        String namespace = "/";
        if (i < len && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? len : comma; // no comma: the namespace runs to the end (`40/custom`)
            namespace = namespace(text, i, end);
            i = comma < 0 ? len : comma + 1;
        }

        long ackId = SioPacket.NO_ACK;
        if (i < len && isDigit(text.charAt(i))) {
            ackId = 0;
            while (i < len && isDigit(text.charAt(i))) {
                int digit = text.charAt(i) - '0';
                if (ackId > (Long.MAX_VALUE - digit) / 10) throw new SioParseException("ack id is not a valid integer");
                ackId = ackId * 10 + digit;
                i++;
            }
            if (ackId > limits.maxAckId()) {
                throw new SioParseException("ack id " + ackId + " over the limit " + limits.maxAckId());
            }
        }

        boolean present = i < len;
        Object data = present ? JsonReader.parse(text, i, limits.maxDepth()) : null;
        PayloadRules.check(type, data, present);
        SioPacket packet = new SioPacket(type, namespace, ackId, data);
        if (attachmentCount == 0) {
            // BINARY_* with 0 attachments: nothing follows (as the reference, placeholders are left untouched)
            return packet;
        }
        pending = packet;
        expectedAttachments = attachmentCount;
        attachments = new ArrayList<>(); // grows as attachments arrive: the declared count is the client's claim
        return null;
    }

    /**
     * Takes one binary attachment for the pending packet. The array is kept, not copied.
     *
     * @return the completed packet (type BINARY_EVENT or BINARY_ACK, placeholders replaced by {@code byte[]}), or
     * {@code null} while more attachments are expected
     */
    @Override
    public SioPacket decodeBinary(byte[] data) throws SioParseException {
        Objects.requireNonNull(data);
        if (pending == null) throw new SioParseException("binary attachment received with no pending binary packet");
        attachments.add(data);
        if (attachments.size() < expectedAttachments) return null;
        SioPacket packet = pending;
        List<byte[]> received = attachments;
        reset();
        Object restored = BinaryPlaceholders.restore(packet.data(), received);
        return new SioPacket(packet.type(), packet.namespace(), packet.ackId(), restored);
    }

    /** Drops a pending binary packet (the connection is closing). */
    @Override
    public void reset() {
        pending = null;
        attachments = null;
        expectedAttachments = 0;
    }

    private String namespace(String text, int start, int end) {
        String last = lastNamespace;
        if (last.length() == end - start && text.startsWith(last, start)) return last;
        return lastNamespace = text.substring(start, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
