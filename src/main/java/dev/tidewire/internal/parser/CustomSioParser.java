package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;
import dev.tidewire.server.parser.PacketType;
import dev.tidewire.server.parser.SocketIoPacket;
import dev.tidewire.server.parser.SocketIoParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parser of the application's own ({@link SocketIoParser}) behind the internal seam: packets and values cross in
 * the public form here, so the seam and the built-in parsers stay free to change. What the parser returns is checked,
 * since it is application code: a decoder's failure or bad packet is that client's protocol violation, an encoder's
 * failure the emitter's exception.
 */
public final class CustomSioParser implements SioParser {
    private final SocketIoParser parser;
    private final String name;

    public CustomSioParser(SocketIoParser parser) {
        this.parser = Objects.requireNonNull(parser);
        this.name = parser.getClass().getName();
    }

    /**
     * @throws IllegalArgumentException for a value that cannot become a plain tree, or when the parser throws (as
     *                                  cause)
     * @throws IllegalStateException    when the parser returns no message or one that is neither text nor binary
     */
    @Override
    public List<Packet> encode(SioPacket packet, JsonFallback fallback) {
        SocketIoPacket plain = new SocketIoPacket(publicType(packet.type()), packet.namespace(), packet.ackId(),
                PlainTree.fromApplication(packet.data(), fallback));
        List<?> messages;
        try {
            messages = parser.encode(plain);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("parser " + name + " could not encode a packet of type " + plain.type()
                    + ": " + e, e);
        }
        return engineMessages(messages);
    }

    private List<Packet> engineMessages(List<?> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalStateException("parser " + name + " encoded a packet as no message");
        }
        List<Packet> out = new ArrayList<>(messages.size());
        for (Object message : messages) {
            if (message instanceof String text) {
                out.add(Packet.message(text));
            } else if (message instanceof byte[] bytes) {
                out.add(Packet.binaryMessage(bytes));
            } else {
                throw new IllegalStateException("parser " + name + " encoded a message as a "
                        + (message == null ? "null" : message.getClass().getName()) + ", not a String or a byte[]");
            }
        }
        return List.copyOf(out);
    }

    @Override
    public SioPacketDecoder newDecoder(ParserLimits limits) {
        return new CustomSioDecoder(parser, name, limits);
    }

    /** The parser's class name, as the log and the options in effect show it. */
    @Override
    public String toString() {
        return name;
    }

    /** Binary travels in place in the public form, so the binary types are plain ones, as the reference's encoders see them. */
    static PacketType publicType(SioPacketType type) {
        return switch (type) {
            case CONNECT -> PacketType.CONNECT;
            case DISCONNECT -> PacketType.DISCONNECT;
            case EVENT, BINARY_EVENT -> PacketType.EVENT;
            case ACK, BINARY_ACK -> PacketType.ACK;
            case CONNECT_ERROR -> PacketType.CONNECT_ERROR;
        };
    }

    static SioPacketType internalType(PacketType type) {
        return switch (type) {
            case CONNECT -> SioPacketType.CONNECT;
            case DISCONNECT -> SioPacketType.DISCONNECT;
            case EVENT -> SioPacketType.EVENT;
            case ACK -> SioPacketType.ACK;
            case CONNECT_ERROR -> SioPacketType.CONNECT_ERROR;
        };
    }
}
