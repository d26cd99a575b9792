package dev.tidewire.internal.parser;

import dev.tidewire.server.parser.PacketDecoder;
import dev.tidewire.server.parser.SocketIoPacket;
import dev.tidewire.server.parser.SocketIoParser;

import java.util.function.Function;

/**
 * One connection's decoder of a {@link CustomSioParser}. Whatever goes wrong in the application's decoder (an
 * exception, a stack overflow on deep input) or with the packet it returns is a {@link SioParseException} naming the
 * parser, so the server closes that connection only. A returned packet is held to the built-in parsers' rules: its
 * data a plain tree within {@link ParserLimits#maxDepth()}, shaped for its type ({@link PayloadRules}, with data
 * required where socket.io-msgpack-parser requires it), its ack id within {@link ParserLimits#maxAckId()}.
 */
final class CustomSioDecoder implements SioPacketDecoder {
    private static final int MAX_REASON_LENGTH = 200;

    private final SocketIoParser parser;
    private final String parserName;
    private final ParserLimits limits;
    private PacketDecoder decoder; // made with the first message: a parser failing to make one fails that client only

    CustomSioDecoder(SocketIoParser parser, String parserName, ParserLimits limits) {
        this.parser = parser;
        this.parserName = parserName;
        this.limits = limits;
    }

    @Override
    public SioPacket decodeText(String text) throws SioParseException {
        return decode(d -> d.decodeText(text));
    }

    @Override
    public SioPacket decodeBinary(byte[] data) throws SioParseException {
        return decode(d -> d.decodeBinary(data));
    }

    @Override
    public void reset() {
        if (decoder == null) return;
        try {
            decoder.reset();
        } catch (RuntimeException e) {
            // the connection is closing anyway; nothing of this client is decoded any more
        }
    }

    private SioPacket decode(Function<PacketDecoder, SocketIoPacket> step) throws SioParseException {
        SocketIoPacket packet;
        try {
            if (decoder == null) decoder = parser.newDecoder();
            packet = step.apply(decoder);
        } catch (Exception | StackOverflowError e) { // Exception: a checked one may be thrown sneakily
            throw new SioParseException("parser " + parserName + " refused the message: " + oneLine(e.toString()));
        }
        if (packet == null) return null;
        try {
            return checked(packet);
        } catch (SioParseException e) {
            throw new SioParseException("parser " + parserName + " decoded an invalid packet: " + e.getMessage());
        }
    }

    private SioPacket checked(SocketIoPacket packet) throws SioParseException {
        SioPacketType type = CustomSioParser.internalType(packet.type());
        if (packet.ackId() > limits.maxAckId()) {
            throw new SioParseException("ack id " + packet.ackId() + " over the limit " + limits.maxAckId());
        }
        Object data = PlainTree.fromDecoder(packet.data(), limits.maxDepth());
        boolean present = data != null;
        if (!present && (type == SioPacketType.EVENT || type == SioPacketType.ACK
                || type == SioPacketType.CONNECT_ERROR)) {
            throw new SioParseException("invalid payload for " + type + ": no data");
        }
        PayloadRules.check(type, data, present);
        return new SioPacket(type, packet.namespace(), packet.ackId(), data);
    }

    /** An exception's text for one log line: it may quote the client's message. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH) + "…" : line;
    }
}
