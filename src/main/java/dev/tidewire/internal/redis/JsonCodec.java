package dev.tidewire.internal.redis;

import dev.tidewire.internal.parser.JsonReader;
import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.internal.parser.SioParseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the reference writes most requests and responses ({@code JSON.stringify}): binary goes as a Node
 * {@code Buffer} does, {@code {"type":"Buffer","data":[bytes]}}, and stays that object on the other side, as it does
 * between two Node nodes.
 */
final class JsonCodec {
    private JsonCodec() {
    }

    static byte[] encode(Object value) {
        return JsonWriter.toJson(withBuffers(value, 0)).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws MalformedMessageException when the bytes are not one JSON value */
    static Object decode(byte[] bytes) {
        try {
            return JsonReader.parse(new String(bytes, StandardCharsets.UTF_8), ParserLimits.MAX_DEPTH_CEILING);
        } catch (SioParseException e) {
            throw new MalformedMessageException("not JSON", e);
        }
    }

    /**
     * A request or response: the reference writes most as JSON and some as MessagePack (those that may carry binary),
     * and tells them apart as here, by a leading {@code '{'}.
     */
    static Object decodeJsonOrMsgPack(byte[] message) {
        return message.length > 0 && message[0] == '{' ? decode(message) : MsgPackCodec.decode(message);
    }

    /** {@code byte[]} replaced by what {@code Buffer#toJSON} gives. */
    private static Object withBuffers(Object value, int depth) {
        if (depth > ParserLimits.MAX_DEPTH_CEILING) throw new IllegalArgumentException("nested too deep (or cyclic)");
        if (value instanceof byte[] bytes) {
            List<Object> data = new ArrayList<>(bytes.length);
            for (byte b : bytes) data.add(b & 0xff);
            Map<String, Object> buffer = new LinkedHashMap<>();
            buffer.put("type", "Buffer");
            buffer.put("data", data);
            return buffer;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), withBuffers(v, depth + 1)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(withBuffers(item, depth + 1));
            return out;
        }
        return value;
    }
}
