package dev.tidewire.engine;

import java.util.List;
import java.util.Map;

/**
 * What the engine and the layers above may know of the HTTP request that opened a session: headers (names in
 * lower case), query parameters, the peer address, whether TLS was used, and the request URL (path and query).
 */
public record RequestInfo(Map<String, List<String>> headers, Map<String, List<String>> query, String remoteAddress,
                          boolean secure, String url) {
    public RequestInfo {
        headers = compactCopy(headers);
        query = compactCopy(query);
    }

    /** Kept for the session's lifetime: immutable, without the slack of growable lists. */
    private static Map<String, List<String>> compactCopy(Map<String, List<String>> m) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] entries = new Map.Entry[m.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> e : m.entrySet()) entries[i++] = Map.entry(e.getKey(), List.copyOf(e.getValue()));
        return Map.ofEntries(entries);
    }

    public String header(String lowerCaseName) {
        List<String> v = headers.get(lowerCaseName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
