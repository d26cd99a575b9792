package dev.tidewire.server;

import dev.tidewire.internal.engine.RequestInfo;

import java.security.Principal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The details of the connection as the reference exposes them in {@code socket.handshake}: taken from the first
 * HTTP request of the Engine.IO session, plus the CONNECT packet's auth payload. Views of the session's request,
 * not copies: a socket keeps only this small object.
 */
public final class Handshake {
    private final RequestInfo request;
    private final long issued;
    private final Map<String, Object> auth;

    Handshake(RequestInfo request, long issued, Map<String, Object> auth) {
        this.request = request;
        this.issued = issued;
        this.auth = auth;
    }

    /** Every header of the first request, names in lower case (a new map on each call). */
    public Map<String, List<String>> headers() {
        return request.headers();
    }

    /** The connection time as a date string, as the reference's {@code handshake.time}. */
    public String time() {
        return new Date(issued).toString();
    }

    public String address() {
        return request.remoteAddress();
    }

    /** Whether the request carried an Origin header. */
    public boolean xdomain() {
        return request.header("origin") != null;
    }

    public boolean secure() {
        return request.secure();
    }

    /** The connection time in epoch milliseconds. */
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
}
