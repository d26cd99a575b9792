package dev.tidewire.internal.redis;

import dev.tidewire.internal.parser.ParserLimits;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MessagePack as the reference's {@code notepack.io} writes and reads it, between JSON values and bytes: maps with
 * string keys, arrays, strings, integers, doubles, booleans, nil, and {@code byte[]} as {@code bin} (a Node
 * {@code Buffer}). Reading turns integers into {@code Long}, a timestamp into the ISO text a Node client would get
 * for the {@code Date}, and any other extension into {@code null}.
 */
final class MsgPackCodec {
    private static final byte TIMESTAMP_TYPE = -1;
    private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private MsgPackCodec() {
    }

    static byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            pack(packer, value, 0);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
    }

    private static void pack(MessageBufferPacker packer, Object value, int depth) throws IOException {
        if (depth > ParserLimits.MAX_DEPTH_CEILING) throw new IllegalArgumentException("nested too deep (or cyclic)");
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String s) {
            packer.packString(s);
        } else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            packer.packBigInteger(big);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            packer.packDouble(((Number) value).doubleValue());
        } else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length);
            packer.writePayload(bytes);
        } else if (value instanceof Map<?, ?> map) {
            packer.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                packer.packString(String.valueOf(e.getKey()));
                pack(packer, e.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            packer.packArrayHeader(list.size());
            for (Object item : list) pack(packer, item, depth + 1);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * The value that {@code bytes} hold, all of them.
     *
     * @throws MalformedMessageException when they are not one MessagePack value (sizes are checked against the
     *                                   input before anything is allocated)
     */
    static Object decode(byte[] bytes) {
        if (bytes.length == 0) throw new MalformedMessageException("an empty message");
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            Object value = new Reader(unpacker, bytes.length).read(0);
            if (unpacker.hasNext()) throw new MalformedMessageException("bytes after the MessagePack value");
            return value;
        } catch (IOException | MessagePackException e) {
            throw new MalformedMessageException("not MessagePack", e);
        }
    }

    private record Reader(MessageUnpacker in, long size) {
        Object read(int depth) throws IOException {
            if (depth > ParserLimits.MAX_DEPTH_CEILING) throw new MalformedMessageException("MessagePack nested too deep");
            MessageFormat format = in.getNextFormat();
            switch (format.getValueType()) {
                case NIL -> {
                    in.unpackNil();
                    return null;
                }
                case BOOLEAN -> {
                    return in.unpackBoolean();
                }
                case INTEGER -> {
                    if (format == MessageFormat.UINT64) {
                        BigInteger big = in.unpackBigInteger();
                        return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
                    }
                    return in.unpackLong();
                }
                case FLOAT -> {
                    return in.unpackDouble();
                }
                case STRING -> {
                    return new String(payload(in.unpackRawStringHeader()), StandardCharsets.UTF_8);
                }
                case BINARY -> {
                    return payload(in.unpackBinaryHeader());
                }
                case ARRAY -> {
                    int count = count(in.unpackArrayHeader(), 1);
                    List<Object> list = new ArrayList<>(Math.min(count, 16));
                    for (int i = 0; i < count; i++) list.add(read(depth + 1));
                    return list;
                }
                case MAP -> {
                    int count = count(in.unpackMapHeader(), 2);
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < count; i++) {
                        String key = String.valueOf(read(depth + 1));
                        map.put(key, read(depth + 1));
                    }
                    return map;
                }
                case EXTENSION -> {
                    ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
                    remaining(header.getLength());
                    if (header.getType() == TIMESTAMP_TYPE) {
                        Instant at = in.unpackTimestamp(header);
                        return JS_ISO.format(at);
                    }
                    in.readPayload(header.getLength()); // notepack's "undefined", or another library's type
                    return null;
                }
                default -> throw new MalformedMessageException("an unknown MessagePack format " + format);
            }
        }

        private byte[] payload(int length) throws IOException {
            remaining(length);
            return in.readPayload(length);
        }

        /** A declared element count that the rest of the input can hold, each element taking a byte or more. */
        private int count(int declared, int bytesEach) {
            remaining((long) declared * bytesEach);
            return declared;
        }

        private void remaining(long needed) {
            if (needed < 0 || needed > size - in.getTotalReadBytes()) {
                throw new MalformedMessageException("a MessagePack length beyond the end of the message");
            }
        }
    }
}
