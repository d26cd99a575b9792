package dev.tidewire.server;

import java.util.List;
import java.util.Map;

/**
 * The details of the connection as the reference exposes them in {@code socket.handshake}: taken from the first
 * HTTP request of the Engine.IO session, plus the CONNECT packet's auth payload.
 *
 * @param time   the connection time as a date string
 * @param issued the connection time in epoch milliseconds
 * @param xdomain whether the request carried an Origin header
 */
public record Handshake(Map<String, List<String>> headers, String time, String address, boolean xdomain,
                        boolean secure, long issued, String url, Map<String, List<String>> query,
                        Map<String, Object> auth) {
    public String header(String lowerCaseName) {
        List<String> v = headers.get(lowerCaseName);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String queryParam(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
