package dev.tidewire.server;

import dev.tidewire.internal.engine.RequestInfo;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The details of the connection as the reference exposes them in {@code socket.handshake}: taken from the first
 * HTTP request of the Engine.IO session, plus the CONNECT packet's auth payload. Views of the session's request,
 * not copies: a socket keeps only this small object.
 */
public final class Handshake {
    /** As Node's {@code Date.prototype.toString()} writes a date (the zone's long name in parentheses). */
    private static final DateTimeFormatter NODE_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx (zzzz)", Locale.US);

    private final RequestInfo request;
    private final long issued;
    private final String time; // null: written from issued when asked (only a remote socket's handshake carries one)
    private final Map<String, Object> auth;

    Handshake(RequestInfo request, long issued, Map<String, Object> auth) {
        this(request, issued, null, auth);
    }

    private Handshake(RequestInfo request, long issued, String time, Map<String, Object> auth) {
        this.request = request;
        this.issued = issued;
        this.time = time;
        this.auth = auth;
    }

    /** Every header of the first request, names in lower case (a new map on each call). */
    public Map<String, List<String>> headers() {
        return request.headers();
    }

    /**
     * The connection time as a date string in this JVM's time zone, written as Node writes a date
     * ({@code Wed Dec 02 2026 15:11:46 GMT+0000 (Coordinated Universal Time)}), as the reference's
     * {@code handshake.time}. A socket of another node keeps the string that node sent.
     */
    public String time() {
        return time != null ? time : nodeDate(issued, ZoneId.systemDefault());
    }

    static String nodeDate(long epochMillis, ZoneId zone) {
        return NODE_DATE.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    public String address() {
        return request.remoteAddress();
    }

    /** Whether the first request carried an Origin header, as the reference's {@code handshake.xdomain}. */
    public boolean xdomain() {
        return request.header("origin") != null;
    }

    /**
     * Whether the first request came over TLS, as the reference's {@code handshake.secure}: the container's
     * {@code ServletRequest.isSecure()} of the polling request or of the WebSocket upgrade (behind a proxy that ends
     * TLS, only if the container is configured to trust the proxy's forwarded headers).
     */
    public boolean secure() {
        return request.secure();
    }

    /**
     * When the socket was created, in epoch milliseconds, as the reference's {@code handshake.issued}: the moment
     * the server handled the client's CONNECT to this namespace.
     */
    public long issued() {
        return issued;
    }

    public String url() {
        return request.url();
    }

    /** Every query parameter of the first request (a new map on each call). */
    public Map<String, List<String>> query() {
        return request.query();
    }

    public Map<String, Object> auth() {
        return auth;
    }

    public String header(String lowerCaseName) {
        return request.header(lowerCaseName);
    }

    public String queryParam(String name) {
        return request.queryParam(name);
    }

    /**
     * The user the container authenticated on the first request ({@code HttpServletRequest.getUserPrincipal()} of
     * the polling request or of the WebSocket upgrade that opened the connection); empty for an anonymous request.
     */
    public Optional<Principal> principal() {
        return Optional.ofNullable(request.principal());
    }

    /**
     * This handshake as the reference's plain object, as a cluster carries it and the Admin UI shows it:
     * {@code headers} (one string per name, repeated values joined with ", ", as Node's), {@code query} (a string per
     * parameter, a list for a repeated one), {@code address}, {@code time}, {@code issued}, {@code url},
     * {@code secure}, {@code xdomain}, {@code auth}.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        out.put("headers", headers);
        Map<String, Object> query = new LinkedHashMap<>();
        query().forEach((name, values) -> query.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values)));
        out.put("query", query);
        out.put("address", address());
        out.put("time", time());
        out.put("issued", issued);
        out.put("url", url());
        out.put("secure", secure());
        out.put("xdomain", xdomain());
        out.put("auth", auth);
        return out;
    }

    /** A handshake read back from {@link #asMap()}'s form (a socket of another node); it has no principal. */
    static Handshake of(Map<String, Object> map) {
        RequestInfo request = new RequestInfo(multiValues(map.get("headers")), multiValues(map.get("query")),
                map.get("address") instanceof String a ? a : null, Boolean.TRUE.equals(map.get("secure")),
                map.get("url") instanceof String u ? u : null);
        long issued = map.get("issued") instanceof Number n ? n.longValue() : 0;
        Map<String, Object> auth = new LinkedHashMap<>();
        if (map.get("auth") instanceof Map<?, ?> a) a.forEach((k, v) -> auth.put(String.valueOf(k), v));
        return new Handshake(request, issued, map.get("time") instanceof String t ? t : null, auth);
    }

    private static Map<String, List<String>> multiValues(Object value) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(value instanceof Map<?, ?> map)) return out;
        map.forEach((k, v) -> {
            if (v instanceof List<?> list) out.put(String.valueOf(k), list.stream().map(String::valueOf).toList());
            else if (v != null) out.put(String.valueOf(k), List.of(String.valueOf(v)));
        });
        return out;
    }
}
