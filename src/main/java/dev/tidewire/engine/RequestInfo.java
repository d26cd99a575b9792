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
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
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
