package dev.tidewire.internal.parser;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.msgpack.core.MessagePacker;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a plain Java value tree as MessagePack, producing what {@code notepack.io} 2.2 (the codec of the reference's
 * {@code socket.io-msgpack-parser} 3.0) writes for the equivalent JavaScript value. It takes the same values as
 * {@link JsonWriter}, and a client gets the same values as with the default parser, except where MessagePack carries
 * more than JSON: binary ({@code byte[]}, {@link ByteBuffer}) stays in place as {@code bin} (a Node {@code Buffer}),
 * instants ({@link Date}, {@link Instant}) become notepack's {@code Date} (fixext 8 of type 0: the milliseconds, which
 * the client reads as a {@code Date}), and non-finite doubles stay NaN or infinite. Integral numbers use the smallest
 * integer format, as notepack's do.
 */
final class MsgPackWriter {
    /** A JavaScript number that is an integer is sent as one (notepack tests {@code Math.floor(v) === v}). */
    /** notepack's extension type for a {@code Date} (and, in other sizes, {@code undefined} and an ArrayBuffer). */
    private static final byte NOTEPACK_DATE = 0;

    private final MessagePacker out;
    private final JsonFallback fallback;

    MsgPackWriter(MessagePacker out, JsonFallback fallback) {
        this.out = out;
        this.fallback = fallback == null ? JsonFallback.REJECT : fallback;
    }

    /**
     * @throws IllegalArgumentException for a structure nested deeper than {@value JsonWriter#MAX_DEPTH} levels (or
     *                                  cyclic), or a value the fallback refuses or writes as invalid JSON
     */
    void write(Object value, int depth) throws IOException {
        // ordered by how often each type occurs in event payloads, as in JsonWriter
        if (value instanceof String s) {
            out.packString(s);
        } else if (value == null) {
            out.packNil();
        } else if (value instanceof Long || value instanceof Integer) {
            out.packLong(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof Double d) {
            writeDouble(d);
        } else if (value instanceof Map<?, ?> map) { // a JsonObject too: its values are JsonValues
            writeMap(map, depth + 1);
        } else if (value instanceof Collection<?> list) { // a JsonArray too
            writeArray(list.toArray(), depth + 1);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            writeBinary(buffer);
        } else if (value instanceof JsonValue j) {
            writeJsonValue(j);
        } else if (value instanceof Number n) {
            writeOtherNumber(n);
        } else if (value instanceof Object[] array) {
            writeArray(array, depth + 1);
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            out.packString(value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Optional<?> o) {
            write(o.orElse(null), depth);
        } else if (value instanceof Date d) {
            writeInstant(d.getTime()); // getTime: java.sql.Date#toInstant throws
        } else if (value instanceof Instant i) {
            writeInstant(i.toEpochMilli());
        } else if (value instanceof TemporalAccessor) {
            out.packString(JsDates.toJsonString(value)); // no JavaScript twin: its ISO-8601 text, as in JSON
        } else if (value.getClass().isArray()) {
            writePrimitiveArray(value, depth + 1);
        } else if (value instanceof OptionalInt o) {
            if (o.isPresent()) out.packLong(o.getAsInt());
            else out.packNil();
        } else if (value instanceof OptionalLong o) {
            if (o.isPresent()) out.packLong(o.getAsLong());
            else out.packNil();
        } else if (value instanceof OptionalDouble o) {
            if (o.isPresent()) writeDouble(o.getAsDouble());
            else out.packNil();
        } else {
            writeFallback(value, depth);
        }
    }

    private void writeDouble(double d) throws IOException {
        // NaN and the infinities fail the range test; -0.0 becomes the integer 0, as in notepack
        if (JsNumbers.isLongIntegral(d)) out.packLong((long) d);
        else out.packDouble(d);
    }

    private void writeOtherNumber(Number n) throws IOException {
        if (n instanceof Short || n instanceof Byte || n instanceof AtomicInteger || n instanceof AtomicLong) {
            out.packLong(n.longValue());
        } else if (n instanceof Float f) {
            // the float's own shortest digits (0.1f is 0.1), as the default parser's text gives them to a client
            writeDouble(Double.parseDouble(Float.toString(f)));
        } else if (n instanceof BigInteger big && big.bitLength() < 64) {
            out.packLong(big.longValue());
        } else if (n instanceof BigDecimal big) {
            writeDouble(big.doubleValue()); // the nearest double: what a client parses from the default parser's text
        } else {
            writeDouble(n.doubleValue());
        }
    }

    private void writeMap(Map<?, ?> map, int depth) throws IOException {
        JsonWriter.checkDepth(depth);
        // a snapshot: the header counts the entries before they are written, and a concurrent map may change
        Object[] entries = map.entrySet().toArray();
        out.packMapHeader(entries.length);
        for (Object o : entries) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            out.packString(String.valueOf(e.getKey()));
            write(e.getValue(), depth);
        }
    }

    private void writeArray(Object[] items, int depth) throws IOException {
        JsonWriter.checkDepth(depth);
        out.packArrayHeader(items.length);
        for (Object item : items) write(item, depth);
    }

    private void writeBinary(ByteBuffer buffer) throws IOException {
        ByteBuffer view = buffer.duplicate(); // the caller's position stays as it was
        out.packBinaryHeader(view.remaining());
        if (view.hasArray()) {
            out.writePayload(view.array(), view.arrayOffset() + view.position(), view.remaining());
        } else {
            byte[] copy = new byte[view.remaining()];
            view.get(copy);
            out.writePayload(copy);
        }
    }

    private void writeJsonValue(JsonValue value) throws IOException {
        switch (value.getValueType()) {
            case STRING -> out.packString(((JsonString) value).getString());
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                if (n.isIntegral()) writeOtherNumber(n.bigIntegerValue());
                else writeDouble(n.doubleValue());
            }
            case TRUE -> out.packBoolean(true);
            case FALSE -> out.packBoolean(false);
            default -> out.packNil(); // NULL; objects and arrays are Maps and Lists, written before this
        }
    }

    /** Milliseconds, as a JavaScript {@code Date} holds them, big-endian in a fixext 8 of notepack's type 0. */
    private void writeInstant(long epochMilli) throws IOException {
        out.packExtensionTypeHeader(NOTEPACK_DATE, Long.BYTES);
        out.writePayload(ByteBuffer.allocate(Long.BYTES).putLong(epochMilli).array());
    }

    private void writePrimitiveArray(Object array, int depth) throws IOException {
        JsonWriter.checkDepth(depth);
        if (array instanceof char[] chars) { // text, as in JsonWriter
            out.packString(new String(chars));
        } else if (array instanceof int[] a) {
            out.packArrayHeader(a.length);
            for (int v : a) out.packLong(v);
        } else if (array instanceof long[] a) {
            out.packArrayHeader(a.length);
            for (long v : a) out.packLong(v);
        } else if (array instanceof double[] a) {
            out.packArrayHeader(a.length);
            for (double v : a) writeDouble(v);
        } else if (array instanceof float[] a) {
            out.packArrayHeader(a.length);
            for (float v : a) writeOtherNumber(v);
        } else if (array instanceof short[] a) {
            out.packArrayHeader(a.length);
            for (short v : a) out.packLong(v);
        } else if (array instanceof boolean[] a) {
            out.packArrayHeader(a.length);
            for (boolean v : a) out.packBoolean(v);
        } else {
            throw new IllegalArgumentException("cannot write " + array.getClass().getName() + " as MessagePack");
        }
    }

    /** An application type: the fallback's JSON (JSON-B in a container) read back into a tree and written. */
    private void writeFallback(Object value, int depth) throws IOException {
        String json = fallback.toJson(value);
        if (json == null) throw new IllegalArgumentException("JsonFallback returned null for " + value.getClass().getName());
        Object tree;
        try {
            tree = JsonReader.parse(json, ParserLimits.MAX_DEPTH_CEILING);
        } catch (SioParseException e) {
            throw new IllegalArgumentException("JsonFallback wrote invalid JSON for " + value.getClass().getName()
                    + ": " + e.getMessage());
        }
        write(tree, depth);
    }
}
