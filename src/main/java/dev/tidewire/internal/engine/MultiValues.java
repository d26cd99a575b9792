package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Names with one or more values each (request headers, query parameters), kept for a session's lifetime as one flat
 * array of name/value pairs: a tenth of the objects of a map of lists. Lookups scan the pairs (a request has a dozen
 * or so); the map view is built when asked for.
 */
public final class MultiValues {
    private static final String[] NONE = new String[0];

    private final String[] pairs; // name, value, name, value, ... a name repeats for each of its values

    public MultiValues(Map<String, List<String>> values) {
        int n = 0;
        for (List<String> v : values.values()) n += v.size();
        if (n == 0) {
            pairs = NONE;
            return;
        }
        pairs = new String[2 * n];
        int i = 0;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                pairs[i++] = e.getKey();
                pairs[i++] = v;
            }
        }
    }

    /** The first value of {@code name}, or {@code null}. */
    public String first(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) return pairs[i + 1];
        }
        return null;
    }

    /** The name of the first value that {@code valid} rejects, or {@code null} when it accepts them all. */
    public String firstNameWithValueNot(Predicate<String> valid) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!valid.test(pairs[i + 1])) return pairs[i];
        }
        return null;
    }

    /** An unmodifiable map of each name to its values, in the order received; a new map on each call. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.computeIfAbsent(pairs[i], k -> new ArrayList<>(1)).add(pairs[i + 1]);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }
}
