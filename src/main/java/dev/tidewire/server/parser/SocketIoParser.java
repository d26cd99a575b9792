package dev.tidewire.server.parser;

import java.util.List;

/**
 * A Socket.IO wire format of your own: how packets become Engine.IO messages and back, as the reference server's
 * {@code parser} option. One instance serves the whole server. Chosen with {@code tidewire.parser=<class name>} (then a
 * public class with a public no-arg constructor) or {@code SocketIoOptions.withParser(parser)}.
 */
public interface SocketIoParser {
    /**
     * Encodes one packet. Called from any thread, concurrently, so keep no state between calls. A broadcast is encoded
     * once and the messages are sent to every target: do not change a returned {@code byte[]} afterwards.
     *
     * @return the Engine.IO messages, in order: each a {@code String} (a text message) or a {@code byte[]} (a binary
     * one); at least one
     * @throws RuntimeException when the packet cannot be encoded; the emit that caused it throws an
     *                          {@code IllegalArgumentException} with it as the cause
     */
    List<?> encode(SocketIoPacket packet);

    /** A decoder for one client connection; called once per connection. */
    PacketDecoder newDecoder();
}
