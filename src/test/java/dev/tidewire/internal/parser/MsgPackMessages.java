package dev.tidewire.internal.parser;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * MessagePack messages for tests, written with msgpack-core directly rather than with the codec under test, so that
 * a test checks the codec against the format, not against itself.
 */
public final class MsgPackMessages {
    private MsgPackMessages() {
    }

    /** Writes with a packer of its own. */
    @FunctionalInterface
    public interface Packing {
        void writeTo(MessagePacker out) throws IOException;
    }

    public static byte[] raw(Packing packing) {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            packing.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strings, Integer/Long, Double, Boolean, null, byte[], Lists and Maps (string keys). */
    public static byte[] pack(Object value) {
        return raw(out -> pack(out, value));
    }

    private static void pack(MessagePacker out, Object value) throws IOException {
        if (value == null) {
            out.packNil();
        } else if (value instanceof String s) {
            out.packString(s);
        } else if (value instanceof Integer || value instanceof Long) {
            out.packLong(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.packDouble(d);
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof List<?> list) {
            out.packArrayHeader(list.size());
            for (Object item : list) pack(out, item);
        } else if (value instanceof Map<?, ?> map) {
            out.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.packString((String) e.getKey());
                pack(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
