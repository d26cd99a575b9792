package dev.tidewire.internal.parser;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plain value tree a parser of your own sees ({@code Map<String,Object>} in insertion order, {@code List},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}, {@code byte[]}), built from what the
 * application emits and checked on what a decoder returns. Both directions copy, into mutable containers, as the
 * built-in decoders return them.
 */
final class PlainTree {
    private PlainTree() {
    }

    /**
     * An application's value as a plain tree. Binary ({@code byte[]}, a {@link ByteBuffer}'s remaining bytes) stays
     * binary; values the tree has no place for (records, beans, dates, other numbers) become what the default parser
     * would write for them, read back.
     *
     * @throws IllegalArgumentException for a value nested too deep (or cyclic) or one neither the JSON writer nor
     *                                  {@code fallback} handles
     */
    static Object fromApplication(Object value, JsonFallback fallback) {
        return fromApplication(value, fallback, 0);
    }

    private static Object fromApplication(Object value, JsonFallback fallback, int depth) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy); // the caller's position stays as it was
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            JsonWriter.checkDepth(depth + 1);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromApplication(v, fallback, depth + 1)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            return listFromApplication(items.toArray(), fallback, depth + 1);
        }
        if (value instanceof Object[] items) {
            return listFromApplication(items, fallback, depth + 1);
        }
        return throughJson(value, fallback);
    }

    private static List<Object> listFromApplication(Object[] items, JsonFallback fallback, int depth) {
        JsonWriter.checkDepth(depth);
        List<Object> out = new ArrayList<>(items.length);
        for (Object item : items) out.add(fromApplication(item, fallback, depth));
        return out;
    }

    /** What a client of the default parser would receive: the value written as JSON, then read. */
    private static Object throughJson(Object value, JsonFallback fallback) {
        String json = JsonWriter.toJson(value, fallback);
        try {
            return JsonReader.parse(json, ParserLimits.MAX_DEPTH_CEILING);
        } catch (SioParseException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as a plain value: "
                    + e.getMessage());
        }
    }

    /**
     * A decoder's data, checked and copied: numbers become JavaScript numbers as the built-in decoders read them
     * (integral values {@code Long}, others {@code Double}).
     *
     * @param maxDepth most nested levels of lists and maps, the outermost counting as 1
     * @throws SioParseException for a value outside the tree, a map key that is not a string, or nesting deeper than
     *                           {@code maxDepth}
     */
    static Object fromDecoder(Object value, int maxDepth) throws SioParseException {
        return fromDecoder(value, maxDepth, 0);
    }

    private static Object fromDecoder(Object value, int maxDepth, int depth) throws SioParseException {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Number n) return jsNumber(n);
        if (value instanceof Map<?, ?> map) {
            checkDepth(depth + 1, maxDepth);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new SioParseException("a map key that is not a string: " + typeName(e.getKey()));
                }
                out.put(key, fromDecoder(e.getValue(), maxDepth, depth + 1));
            }
            return out;
        }
        if (value instanceof List<?> items) {
            checkDepth(depth + 1, maxDepth);
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) out.add(fromDecoder(item, maxDepth, depth + 1));
            return out;
        }
        throw new SioParseException("a " + typeName(value) + " in the data, which holds only Map, List, String,"
                + " Number, Boolean, null and byte[]");
    }

    private static Object jsNumber(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof AtomicInteger
                || n instanceof AtomicLong) {
            return n.longValue();
        }
        if (n instanceof BigInteger big && big.bitLength() < 64) return big.longValue();
        // a float's own shortest digits (0.1f is 0.1), as a client that sent it wrote them
        double d = n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
        return JsNumbers.jsNumber(d);
    }

    private static void checkDepth(int depth, int maxDepth) throws SioParseException {
        if (depth > maxDepth) throw new SioParseException("data nested deeper than " + maxDepth + " levels");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
