package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the engine's {@link RequestInfo} from a servlet request. */
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
        return new RequestInfo(headers, parseQuery(qs), req.getRemoteAddr(), req.isSecure(), url);
    }

    static Map<String, List<String>> parseQuery(String qs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (qs == null || qs.isEmpty()) return out;
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = CommonStrings.queryWord(decode(eq < 0 ? pair : pair.substring(0, eq)));
            String v = eq < 0 ? "" : CommonStrings.queryWord(decode(pair.substring(eq + 1)));
            out.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed escapes are kept as sent
        }
    }
}
