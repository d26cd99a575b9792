package dev.tidewire.internal.parser;

import java.util.Objects;

/**
 * One Socket.IO packet. {@code data} is a plain Java JSON tree: {@code Map<String,Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Long} or {@code Double} (or any {@code Number} when encoding),
 * {@code Boolean}, {@code null}, and {@code byte[]} for binary (an attachment with the default parser, in place with
 * MessagePack). For EVENT/ACK it is the argument list ({@code List<Object>}, the event name first for EVENT); for
 * CONNECT the auth object; for CONNECT_ERROR an object or a string; for DISCONNECT {@code null}. A decoded packet of
 * any type may have come without data, as the reference's parser allows: then it is {@code null}.
 *
 * @param ackId {@link #NO_ACK} when the packet carries none
 */
public record SioPacket(SioPacketType type, String namespace, long ackId, Object data) {
    public static final long NO_ACK = -1;

    public SioPacket {
        Objects.requireNonNull(type);
        namespace = namespace == null || namespace.isEmpty() ? "/" : namespace;
    }

    public boolean hasAck() {
        return ackId != NO_ACK;
    }
}
