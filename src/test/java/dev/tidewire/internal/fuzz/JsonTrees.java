package dev.tidewire.internal.fuzz;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Facts about a decoded JSON tree that the fuzz tests compare with the parser limits. */
public final class JsonTrees {
    private JsonTrees() {
    }

    /** Nesting of arrays and objects: 0 for a scalar, 1 for {@code []}, 2 for {@code [[]]}. */
    public static int depth(Object value) {
        int inner = 0;
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) inner = Math.max(inner, depth(v));
            return inner + 1;
        }
        if (value instanceof List<?> list) {
            for (Object v : list) inner = Math.max(inner, depth(v));
            return inner + 1;
        }
        return 0;
    }

    /** Distinct (by identity) binary attachments in the tree. */
    public static Map<byte[], Boolean> attachments(Object value) {
        Map<byte[], Boolean> found = new IdentityHashMap<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, Map<byte[], Boolean> found) {
        if (value instanceof byte[] bytes) found.put(bytes, true);
        else if (value instanceof Map<?, ?> map) map.values().forEach(v -> collect(v, found));
        else if (value instanceof List<?> list) list.forEach(v -> collect(v, found));
    }

    /** Whether every node is one of the reader's types: Map with String keys, List, String, Long, Double, Boolean, null. */
    public static boolean onlyJsonTypes(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !onlyJsonTypes(e.getValue())) return false;
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object v : list) if (!onlyJsonTypes(v)) return false;
            return true;
        }
        return false;
    }
}
