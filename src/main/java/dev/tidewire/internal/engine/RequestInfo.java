package dev.tidewire.internal.engine;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the engine and the layers above may know of the HTTP request that opened a session: headers (names in
 * lower case), query parameters, the peer address, whether TLS was used, the request URL (path and query), and the
 * user the container authenticated, if any. Kept for the session's lifetime, so stored compactly ({@link MultiValues}).
 */
public final class RequestInfo {
    private final MultiValues headers;
    private final MultiValues query;
    private final String remoteAddress;
    private final boolean secure;
    private final String url;
    private final Principal principal;

    /** A request without an authenticated user. */
    public RequestInfo(Map<String, List<String>> headers, Map<String, List<String>> query, String remoteAddress,
                       boolean secure, String url) {
        this(headers, query, remoteAddress, secure, url, null);
    }

    /** @param principal the container's authenticated user of the request, or {@code null} */
    public RequestInfo(Map<String, List<String>> headers, Map<String, List<String>> query, String remoteAddress,
                       boolean secure, String url, Principal principal) {
        this.headers = new MultiValues(headers);
        this.query = new MultiValues(query);
        this.remoteAddress = remoteAddress;
        this.secure = secure;
        this.url = url;
        this.principal = principal;
    }

    /** Every header, names in lower case; a new unmodifiable map on each call. */
    public Map<String, List<String>> headers() {
        return headers.asMap();
    }

    /** Every query parameter; a new unmodifiable map on each call. */
    public Map<String, List<String>> query() {
        return query.asMap();
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public boolean secure() {
        return secure;
    }

    public String url() {
        return url;
    }

    /** The authenticated user of the request, or {@code null} when the container authenticated none. */
    public Principal principal() {
        return principal;
    }

    public String header(String lowerCaseName) {
        return headers.first(lowerCaseName);
    }

    /**
     * The name of the first header whose value holds a control character (anything below 0x20 but the tab, or DEL)
     * or a character outside ISO-8859-1, or {@code null}. Node's HTTP parser refuses such a request before the
     * reference sees it; a container may pass it on.
     */
    public String headerWithControlCharacter() {
        return headers.firstNameWithValueNot(RequestInfo::isValidHeaderValue);
    }

    /** Field-value characters of RFC 9110: tab, visible ASCII, space, and obs-text (0x80-0xff). */
    static boolean isValidHeaderValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f || c > 0xff)) return false;
        }
        return true;
    }

    public String queryParam(String name) {
        return query.first(name);
    }

    @Override
    public String toString() {
        return "RequestInfo[" + url + " from " + remoteAddress + "]";
    }
}
