package dev.tidewire.internal.redis;

import dev.tidewire.server.cluster.ClusterMessage;
import dev.tidewire.server.cluster.MessageType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Redis Streams adapter's messages as the reference's {@code @socket.io/redis-streams-adapter} 0.3 writes them.
 * <ul>
 * <li>A stream entry has the fields {@code uid}, {@code nsp}, {@code type} (the number as text) and, when the message
 * has data, {@code data}: the data as JSON, or, for a type that may carry binary and does, base64 of its MessagePack.
 * A reader tells them apart by a leading {@code '{'}.</li>
 * <li>A pub/sub message (ephemeral messages and responses) is the MessagePack of {@code {uid, nsp, type, data}}.</li>
 * </ul>
 * Sizes a sender controls are bounded before anything is decoded.
 */
final class StreamsWire {
    /** Most bytes of one entry's data, or of one pub/sub message, that are decoded. */
    static final int MAX_MESSAGE_BYTES = 16 << 20;
    /** Most characters of a uid or a namespace name. */
    private static final int MAX_NAME_LENGTH = 1024;
    private static final Set<MessageType> MAY_CONTAIN_BINARY = EnumSet.of(MessageType.BROADCAST,
            MessageType.FETCH_SOCKETS_RESPONSE, MessageType.SERVER_SIDE_EMIT, MessageType.SERVER_SIDE_EMIT_RESPONSE,
            MessageType.BROADCAST_ACK);

    private StreamsWire() {
    }

    /**
     * Whether the message goes over pub/sub rather than into the stream (as the reference decides): it only makes
     * sense to the nodes up now, and is never replayed to a recovering client.
     */
    static boolean isEphemeral(ClusterMessage message) {
        return switch (message.type()) {
            case BROADCAST -> message.requestId() != null;
            case SERVER_SIDE_EMIT, FETCH_SOCKETS -> true;
            default -> false;
        };
    }

    static Map<String, byte[]> toEntry(ClusterMessage message) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("uid", utf8(message.uid()));
        fields.put("nsp", utf8(message.nsp()));
        fields.put("type", utf8(Integer.toString(message.type().code())));
        if (message.data() != null) {
            fields.put("data", MAY_CONTAIN_BINARY.contains(message.type()) && hasBinary(message.data())
                    ? Base64.getEncoder().encode(MsgPackCodec.encode(message.data()))
                    : JsonCodec.encode(message.data()));
        }
        return fields;
    }

    /**
     * The message of a stream entry, or {@code null} for an entry of no namespace (the reference skips those too).
     *
     * @throws MalformedMessageException when it is not in the reference's format, or of a type unknown here
     */
    static ClusterMessage fromEntry(Map<String, byte[]> fields) {
        byte[] nsp = fields.get("nsp");
        if (nsp == null || nsp.length == 0) return null;
        MessageType type = type(text(fields.get("type"), "type"));
        byte[] data = fields.get("data");
        return new ClusterMessage(text(fields.get("uid"), "uid"), text(nsp, "nsp"), type,
                data == null || data.length == 0 ? null : entryData(data));
    }

    /** An entry's data: JSON, or base64 of MessagePack. */
    static Map<String, Object> entryData(byte[] data) {
        if (data.length > MAX_MESSAGE_BYTES) throw new MalformedMessageException("data of " + data.length + " bytes");
        Object decoded;
        if (data[0] == '{') {
            decoded = JsonCodec.decode(data);
        } else {
            try {
                decoded = MsgPackCodec.decode(Base64.getDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException("data neither JSON nor base64");
            }
        }
        return object(decoded, "data");
    }

    static byte[] toPubSub(ClusterMessage message) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("uid", message.uid());
        wire.put("nsp", message.nsp());
        wire.put("type", message.type().code());
        if (message.data() != null) wire.put("data", message.data());
        return MsgPackCodec.encode(wire);
    }

    /** @throws MalformedMessageException when it is not in the reference's format, or of a type unknown here */
    static ClusterMessage fromPubSub(byte[] bytes) {
        if (bytes.length > MAX_MESSAGE_BYTES) throw new MalformedMessageException("a message of " + bytes.length + " bytes");
        Map<String, Object> wire = object(MsgPackCodec.decode(bytes), "message");
        if (!(wire.get("type") instanceof Number code) || code.doubleValue() != code.intValue()) {
            throw new MalformedMessageException("a message without a type number");
        }
        MessageType type = MessageType.of(code.intValue());
        if (type == null) throw new MalformedMessageException("a message of unknown type " + code);
        Object data = wire.get("data");
        return new ClusterMessage(name(wire.get("uid"), "uid"), name(wire.get("nsp"), "nsp"), type,
                data == null ? null : object(data, "data"));
    }

    /** Whether a value holds a {@code byte[]} anywhere. */
    static boolean hasBinary(Object value) {
        if (value instanceof byte[]) return true;
        if (value instanceof Map<?, ?> map) return map.values().stream().anyMatch(StreamsWire::hasBinary);
        if (value instanceof List<?> list) return list.stream().anyMatch(StreamsWire::hasBinary);
        return false;
    }

    private static MessageType type(String text) {
        try {
            MessageType type = MessageType.of(Integer.parseInt(text));
            if (type == null) throw new MalformedMessageException("an entry of unknown type " + text);
            return type;
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("an entry whose type is not a number");
        }
    }

    private static String text(byte[] field, String what) {
        if (field == null) throw new MalformedMessageException("an entry without " + what);
        if (field.length > MAX_NAME_LENGTH) throw new MalformedMessageException("an entry with a too long " + what);
        return new String(field, StandardCharsets.UTF_8);
    }

    private static String name(Object value, String what) {
        if (!(value instanceof String s)) throw new MalformedMessageException("a message without " + what);
        if (s.length() > MAX_NAME_LENGTH) throw new MalformedMessageException("a message with a too long " + what);
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) throw new MalformedMessageException(what + " that is not an object");
        return (Map<String, Object>) value;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
