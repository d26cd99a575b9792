package dev.tidewire.internal.parser;

import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a plain Java value tree as JSON text, producing what {@code JSON.stringify} would for the equivalent
 * JavaScript value: Map (keys via {@code String.valueOf}), Collection, Object[] and primitive arrays, String and
 * CharSequence, Character, Number, Boolean, null, Optional (empty → null), Enum (its name), {@link JsonValue} (its
 * own text), dates and times (see {@link JsDates}). Anything else goes to a {@link JsonFallback}.
 *
 * <p>Binary ({@code byte[]}, {@link ByteBuffer}) is not JSON: only {@link SioEncoder} may write it, as attachment
 * placeholders; here it is rejected.
 */
public final class JsonWriter {
    /** Deep enough for any sane payload; a cyclic structure fails here instead of overflowing the stack. */
    static final int MAX_DEPTH = ParserLimits.MAX_DEPTH_CEILING;

    private final StringBuilder out;
    private final JsonFallback fallback;
    private final boolean binaryAsPlaceholders;
    private List<byte[]> attachments; // created on the first binary value: most packets have none

    JsonWriter(StringBuilder out, JsonFallback fallback, boolean binaryAsPlaceholders) {
        this.out = out;
        this.fallback = fallback == null ? JsonFallback.REJECT : fallback;
        this.binaryAsPlaceholders = binaryAsPlaceholders;
    }

    /** JSON text for {@code value}, with unknown types rejected. */
    public static String toJson(Object value) {
        return toJson(value, JsonFallback.REJECT);
    }

    public static String toJson(Object value, JsonFallback fallback) {
        StringBuilder sb = new StringBuilder(32);
        write(sb, value, fallback);
        return sb.toString();
    }

    /**
     * Appends the JSON text for {@code value} to {@code out}.
     *
     * @throws IllegalArgumentException for binary data, a structure nested deeper than {@value #MAX_DEPTH} (or
     *                                  cyclic), or a value the fallback refuses
     */
    public static void write(StringBuilder out, Object value, JsonFallback fallback) {
        new JsonWriter(out, fallback, false).writeValue(value, 0);
    }

    /** Appends {@code s} as a JSON string literal (quotes included). */
    public static void writeString(StringBuilder out, CharSequence s) {
        out.append('"');
        int len = s.length();
        int run = 0; // start of the pending run of characters that need no escape: appended in one copy
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < 0xD800 || c > 0xDFFF)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a well-formed pair stays raw (UTF-8 encodes it); only lone halves are escaped
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendUnicodeEscape(out, c);
            }
        }
        out.append(s, run, len).append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) out.append(Character.forDigit((c >> shift) & 0xF, 16));
    }

    /** Binary values met so far, in depth-first order; empty when there were none. */
    List<byte[]> attachments() {
        return attachments == null ? List.of() : attachments;
    }

    void writeValue(Object value, int depth) {
        // ordered by how often each type occurs in event payloads
        if (value instanceof String s) {
            writeString(out, s);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double d) {
            JsNumbers.appendDouble(out, d);
        } else if (value instanceof JsonValue j) {
            // before Map/Collection: JsonObject is a Map and JsonArray a List, and their own text is exact
            out.append(j.toString());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, depth + 1);
        } else if (value instanceof Collection<?> list) {
            writeCollection(list, depth + 1);
        } else if (value instanceof byte[] bytes) {
            writeBinary(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()]; // copied: the caller may reuse the buffer after emitting
            buffer.duplicate().get(copy);
            writeBinary(copy);
        } else if (value instanceof Number n) {
            writeOtherNumber(n);
        } else if (value instanceof Object[] array) {
            writeCollection(Arrays.asList(array), depth + 1);
        } else if (value instanceof CharSequence cs) {
            writeString(out, cs);
        } else if (value instanceof Character c) {
            writeString(out, String.valueOf(c.charValue()));
        } else if (value instanceof Enum<?> e) {
            writeString(out, e.name());
        } else if (value instanceof Optional<?> o) {
            writeValue(o.orElse(null), depth);
        } else if (value instanceof Date || value instanceof TemporalAccessor) {
            writeString(out, JsDates.toJsonString(value));
        } else if (value.getClass().isArray()) {
            writePrimitiveArray(value, depth + 1);
        } else if (value instanceof OptionalInt o) {
            if (o.isPresent()) out.append(o.getAsInt());
            else out.append("null");
        } else if (value instanceof OptionalLong o) {
            if (o.isPresent()) out.append(o.getAsLong());
            else out.append("null");
        } else if (value instanceof OptionalDouble o) {
            if (o.isPresent()) JsNumbers.appendDouble(out, o.getAsDouble());
            else out.append("null");
        } else {
            String json = fallback.toJson(value);
            if (json == null) throw new IllegalArgumentException("JsonFallback returned null for " + value.getClass().getName());
            out.append(json);
        }
    }

    private void writeOtherNumber(Number n) {
        if (n instanceof Short || n instanceof Byte || n instanceof AtomicInteger || n instanceof AtomicLong) {
            out.append(n.longValue());
        } else if (n instanceof Float f) {
            JsNumbers.appendFloat(out, f);
        } else if (n instanceof BigDecimal bd) {
            out.append(bd.toPlainString());
        } else if (n instanceof BigInteger bi) {
            out.append(bi);
        } else {
            JsNumbers.appendDouble(out, n.doubleValue());
        }
    }

    private void writeMap(Map<?, ?> map, int depth) {
        checkDepth(depth);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) out.append(',');
            first = false;
            writeString(out, String.valueOf(e.getKey()));
            out.append(':');
            writeValue(e.getValue(), depth);
        }
        out.append('}');
    }

    private void writeCollection(Collection<?> list, int depth) {
        checkDepth(depth);
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) out.append(',');
            first = false;
            writeValue(item, depth);
        }
        out.append(']');
    }

    private void writePrimitiveArray(Object array, int depth) {
        checkDepth(depth);
        if (array instanceof char[] chars) { // like Jackson: a char[] is text, not a list of one-letter strings
            writeString(out, new String(chars));
            return;
        }
        out.append('[');
        if (array instanceof int[] a) {
            for (int i = 0; i < a.length; i++) comma(i).append(a[i]);
        } else if (array instanceof long[] a) {
            for (int i = 0; i < a.length; i++) comma(i).append(a[i]);
        } else if (array instanceof double[] a) {
            for (int i = 0; i < a.length; i++) JsNumbers.appendDouble(comma(i), a[i]);
        } else if (array instanceof float[] a) {
            for (int i = 0; i < a.length; i++) JsNumbers.appendFloat(comma(i), a[i]);
        } else if (array instanceof short[] a) {
            for (int i = 0; i < a.length; i++) comma(i).append(a[i]);
        } else if (array instanceof boolean[] a) {
            for (int i = 0; i < a.length; i++) comma(i).append(a[i]);
        } else {
            throw new IllegalArgumentException("cannot write " + array.getClass().getName() + " as JSON");
        }
        out.append(']');
    }

    /** The separator before every element but the first. */
    private StringBuilder comma(int index) {
        return index > 0 ? out.append(',') : out;
    }

    private void writeBinary(byte[] bytes) {
        if (!binaryAsPlaceholders) {
            throw new IllegalArgumentException("binary data cannot be written as JSON; only EVENT and ACK packets "
                    + "carry it, as attachments");
        }
        if (attachments == null) attachments = new ArrayList<>(2);
        out.append("{\"_placeholder\":true,\"num\":").append(attachments.size()).append('}');
        attachments.add(bytes);
    }

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (cyclic?)");
        }
    }
}
