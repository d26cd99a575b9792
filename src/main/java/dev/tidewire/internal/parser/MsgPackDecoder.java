package dev.tidewire.internal.parser;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

import java.io.IOException;
import java.util.Objects;

/**
 * Decodes the packets of one client that speaks the reference's {@code socket.io-msgpack-parser}: each binary message
 * is one MessagePack map {@code {type, nsp, data?, id?}}, a field left {@code undefined} counting as absent. Validation
 * follows that parser's decoder ({@code type} an integer from CONNECT to CONNECT_ERROR, {@code nsp} a string,
 * {@code data} by type, {@code id} absent or an integer; other keys ignored), with the default parser's stricter
 * rules on top, so that a server enforces one set of rules whichever parser it uses: a namespace starts with
 * {@code /}, an event name is not reserved, an ack id is within {@link ParserLimits#maxAckId()}, and payloads nest at
 * most {@link ParserLimits#maxDepth()} levels. Every size is bounded by the message's own (see {@link MsgPackReader});
 * {@link ParserLimits#maxAttachments()} does not apply, as nothing waits for attachments. Stateless apart from its
 * limits, so any thread may use it.
 */
public final class MsgPackDecoder implements SioPacketDecoder {
    private final ParserLimits limits;

    public MsgPackDecoder(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /** Always refused: every packet of this parser is binary; a text message means a client of the default parser. */
    @Override
    public SioPacket decodeText(String text) throws SioParseException {
        throw new SioParseException("a text message, but this server uses the MessagePack parser, whose packets are"
                + " binary (is the client built with socket.io-msgpack-parser?)");
    }

    @Override
    public SioPacket decodeBinary(byte[] data) throws SioParseException {
        if (data.length == 0) throw new SioParseException("an empty message");
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(data)) {
            SioPacket packet = readPacket(new MsgPackReader(in, data.length, limits.maxDepth()));
            if (in.hasNext()) throw new SioParseException("bytes after the MessagePack packet");
            return packet;
        } catch (IOException | MessagePackException e) {
            throw new SioParseException("not MessagePack: " + e.getMessage());
        }
    }

    @Override
    public void reset() {
        // nothing is held between messages
    }

    private SioPacket readPacket(MsgPackReader reader) throws IOException, SioParseException {
        ValueType envelope = reader.nextFormat().getValueType();
        if (envelope != ValueType.MAP) throw new SioParseException("a packet must be a MessagePack map, not a " + envelope);
        Object type = null;
        Object nsp = null;
        Object data = null;
        Object id = null;
        boolean hasData = false;
        boolean hasId = false;
        int entries = reader.readMapHeader();
        for (int i = 0; i < entries; i++) {
            String key = reader.readKey();
            Object value = reader.read(0); // data's containers start at depth 1, as in the default parser's JSON
            // socket.io-client's notepack writes a field it leaves undefined (data of a CONNECT without auth): absent
            boolean present = value != MsgPackReader.UNDEFINED;
            if (!present) value = null;
            switch (key) { // a repeated key: the last one counts, as in JavaScript
                case "type" -> type = value;
                case "nsp" -> nsp = value;
                case "data" -> {
                    data = value;
                    hasData = present;
                }
                case "id" -> {
                    id = value;
                    hasId = present;
                }
                default -> {
                    // the reference ignores other properties; their size is bounded with the message's
                }
            }
        }
        SioPacketType packetType = packetType(type);
        String namespace = namespace(nsp);
        requireData(packetType, hasData);
        PayloadRules.check(packetType, data, hasData);
        return new SioPacket(packetType, namespace, hasId ? ackId(id) : SioPacket.NO_ACK, data);
    }

    /**
     * Unlike the default parser, socket.io-msgpack-parser's decoder requires data on an EVENT, an ACK and a
     * CONNECT_ERROR ({@code isDataValid}): only a CONNECT and a DISCONNECT may come without it.
     */
    private static void requireData(SioPacketType type, boolean hasData) throws SioParseException {
        if (hasData || type == SioPacketType.CONNECT || type == SioPacketType.DISCONNECT) return;
        throw new SioParseException("invalid payload for " + type + ": missing the "
                + (type == SioPacketType.CONNECT_ERROR ? "error" : "argument array"));
    }

    private static SioPacketType packetType(Object type) throws SioParseException {
        // the wire has no BINARY_EVENT or BINARY_ACK: binary travels in place
        if (type instanceof Long t && t >= SioPacketType.CONNECT.ordinal() && t <= SioPacketType.CONNECT_ERROR.ordinal()) {
            return SioPacketType.values()[t.intValue()];
        }
        throw new SioParseException("invalid packet type " + describe(type));
    }

    private static String namespace(Object nsp) throws SioParseException {
        if (nsp instanceof String s && s.startsWith("/")) return s;
        throw new SioParseException("invalid namespace " + describe(nsp) + ": expected a string starting with '/'");
    }

    private long ackId(Object id) throws SioParseException {
        if (!(id instanceof Long n) || n < 0) {
            throw new SioParseException("invalid ack id " + describe(id) + ": expected a non-negative integer");
        }
        if (n > limits.maxAckId()) throw new SioParseException("ack id " + n + " over the limit " + limits.maxAckId());
        return n;
    }

    /** A value for an error message, briefly and on one line: it comes from the client. */
    private static String describe(Object value) {
        if (value == null) return "(none)";
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "(" + value.getClass().getSimpleName() + ")"; // a container's text could be long
        }
        String text = value instanceof String s ? '"' + s + '"' : value.toString();
        if (text.length() > 40) text = text.substring(0, 40) + "…";
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
