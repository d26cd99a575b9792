package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;

import java.util.List;

/**
 * A Socket.IO wire format, as the reference's {@code parser} option chooses one: how packets become Engine.IO
 * messages and back. A server uses one for all its clients, since a client's build decides which it speaks.
 */
public interface SioParser {
    /** The reference's default parser ({@code socket.io-parser}): JSON text plus binary attachments. */
    SioParser DEFAULT = new DefaultSioParser();
    /** The reference's {@code socket.io-msgpack-parser}: each packet one binary MessagePack message. */
    SioParser MSGPACK = new MsgPackSioParser();

    /**
     * Encodes a packet once; the returned packets are immutable, so a broadcast writes the same list to every target.
     *
     * @param fallback writes values the parser does not know (application types) as JSON text
     * @throws IllegalArgumentException for a packet or value this format cannot carry
     */
    List<Packet> encode(SioPacket packet, JsonFallback fallback);

    /** A decoder for one client connection, holding that client to {@code limits}. */
    SioPacketDecoder newDecoder(ParserLimits limits);
}
