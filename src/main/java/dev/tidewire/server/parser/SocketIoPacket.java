package dev.tidewire.server.parser;

/**
 * One Socket.IO packet, as a parser of your own encodes and decodes it. {@code data} is a plain tree (see the package
 * documentation), by type:
 * <ul>
 *   <li>{@code CONNECT}: the auth object (a {@code Map}) or {@code null}; from the server, {@code {sid}} (and
 *       {@code pid} with recovery)</li>
 *   <li>{@code DISCONNECT}: {@code null}</li>
 *   <li>{@code EVENT}: the list of arguments, the event name first</li>
 *   <li>{@code ACK}: the list of arguments</li>
 *   <li>{@code CONNECT_ERROR}: an object ({@code {message, data?}}) or a string</li>
 * </ul>
 *
 * @param namespace starts with {@code /}; {@code null} or empty means the main namespace {@code /}
 * @param ackId     the id an EVENT asks to be acknowledged with, or an ACK answers; {@link #NO_ACK} for none
 */
public record SocketIoPacket(PacketType type, String namespace, long ackId, Object data) {
    /** The ack id of a packet that carries none. */
    public static final long NO_ACK = -1;

    /** @throws IllegalArgumentException for no type, a namespace without a leading {@code /}, a negative ack id */
    public SocketIoPacket {
        if (type == null) throw new IllegalArgumentException("a packet needs a type");
        namespace = namespace == null || namespace.isEmpty() ? "/" : namespace;
        if (namespace.charAt(0) != '/') throw new IllegalArgumentException("namespace must start with '/': " + namespace);
        if (ackId < NO_ACK) throw new IllegalArgumentException("negative ack id " + ackId);
    }

    /** A packet without an ack id. */
    public SocketIoPacket(PacketType type, String namespace, Object data) {
        this(type, namespace, NO_ACK, data);
    }

    public boolean hasAck() {
        return ackId != NO_ACK;
    }
}
