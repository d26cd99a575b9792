package dev.tidewire.server;

import dev.tidewire.internal.parser.JsonFallback;
import dev.tidewire.internal.parser.JsonReader;
import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.internal.parser.SioParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of event values as plain JSON values ({@code Map}, {@code List}, {@code String}, {@code Long},
 * {@code Integer}, {@code Double}, {@code Boolean}, {@code null}) with {@code byte[]} for binary: what a cluster
 * wire format can carry, and a snapshot that later changes of the application's objects do not reach. Any other
 * value is written as JSON the way a client would receive it, then read back.
 */
final class JsonValues {
    private JsonValues() {
    }

    static List<Object> copyOf(List<Object> values, JsonFallback fallback) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) out.add(copyOf(v, fallback));
        return out;
    }

    static Object copyOf(Object value, JsonFallback fallback) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof byte[] bytes) return bytes.clone();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copyOf(v, fallback)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(copyOf(v, fallback));
            return out;
        }
        try {
            return JsonReader.parse(JsonWriter.toJson(value, fallback), ParserLimits.MAX_DEPTH_CEILING);
        } catch (SioParseException e) {
            throw new IllegalArgumentException("cannot copy a " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Roughly how many bytes a value takes encoded, for memory limits: text and binary by length, other values by a
     * small constant. Walks the value without allocating.
     */
    static long estimateSize(Object value) {
        if (value instanceof CharSequence s) return s.length() + 2L;
        if (value instanceof byte[] b) return b.length;
        if (value instanceof Map<?, ?> map) {
            long n = 2;
            for (Map.Entry<?, ?> e : map.entrySet()) n += estimateSize(String.valueOf(e.getKey())) + estimateSize(e.getValue()) + 2;
            return n;
        }
        if (value instanceof List<?> list) {
            long n = 2;
            for (Object v : list) n += estimateSize(v) + 1;
            return n;
        }
        return value == null || value instanceof Number || value instanceof Boolean ? 8 : 64;
    }
}
