package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.FormDecoding;
import dev.tidewire.internal.engine.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the engine's {@link RequestInfo} from a servlet request: header names in lower case, the query parsed, the
 * container's authenticated user. A WebSocket session's request is the upgrade request the servlet saw, whose user is
 * the one the JSR-356 {@code HandshakeRequest} reports.
 */
final class RequestInfos {
    private RequestInfos() {
    }

    static RequestInfo from(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.computeIfAbsent(CommonStrings.headerName(name), k -> new ArrayList<>())
                    .addAll(Collections.list(req.getHeaders(name)));
        }
        String qs = req.getQueryString();
        String url = req.getRequestURI() + (qs == null ? "" : "?" + qs);
        return new RequestInfo(headers, parseQuery(qs), req.getRemoteAddr(), req.isSecure(), url,
                req.getUserPrincipal());
    }

    /**
     * Every value of a repeated key, in order; a key without {@code =} has the empty value; empty pairs are skipped;
     * the first {@link FormDecoding#MAX_PAIRS} pairs are read, as Node's {@code querystring}.
     */
    static Map<String, List<String>> parseQuery(String qs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (qs == null || qs.isEmpty()) return out;
        FormDecoding.forEachPair(qs, 0, qs.length(), (name, value) -> out
                .computeIfAbsent(CommonStrings.queryWord(name), k -> new ArrayList<>(1))
                .add(CommonStrings.queryWord(value)));
        return out;
    }

    /**
     * As the reference (Node's {@code querystring}): {@code +} is a space, valid {@code %XX} escapes are UTF-8 (a bad
     * byte sequence becomes U+FFFD), and a malformed escape such as {@code %zz} or a trailing {@code %} is kept as
     * sent, so one bad escape does not keep the rest of the value from being decoded.
     */
    static String decode(String s) {
        return FormDecoding.decode(s, 0, s.length());
    }
}
