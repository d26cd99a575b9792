package dev.tidewire.server.parser;

/**
 * Decodes the packets of one client connection from its Engine.IO messages. It may hold state between messages (a
 * packet spread over several), as it serves one connection only; it is called by one thread at a time.
 *
 * <p>Throwing any exception, for whatever reason, rejects the message: the server closes that client's connection
 * and logs why. It does the same when a returned packet breaks the rules in the package documentation.
 */
public interface PacketDecoder {
    /** @return the packet, or {@code null} while it waits for more messages */
    SocketIoPacket decodeText(String text);

    /** @return the packet, or {@code null} while it waits for more messages */
    SocketIoPacket decodeBinary(byte[] data);

    /** Drops any partly received packet: the connection is closing. Nothing to do for a decoder without state. */
    default void reset() {
    }
}
