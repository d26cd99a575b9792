package dev.tidewire.internal.parser;

/**
 * Decodes the Socket.IO packets of one client connection from its Engine.IO messages. May be stateful (a packet
 * spread over several messages), so one instance per connection, used by one thread at a time. Any
 * {@link SioParseException} is a protocol violation: the server closes that connection.
 */
public interface SioPacketDecoder {
    /** @return the packet, or {@code null} while it waits for more messages */
    SioPacket decodeText(String text) throws SioParseException;

    /** @return the packet, or {@code null} while it waits for more messages */
    SioPacket decodeBinary(byte[] data) throws SioParseException;

    /** Drops any partly received packet (the connection is closing). */
    void reset();
}
