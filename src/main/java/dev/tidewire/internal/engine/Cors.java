package dev.tidewire.internal.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Computes CORS response headers the way the reference's {@code cors} middleware does. */
final class Cors {
    private Cors() {
    }

    static Map<String, String> headers(CorsOptions cors, RequestInfo request, boolean preflight) {
        Map<String, String> h = new LinkedHashMap<>();
        if (cors == null) return h;
        String origin = request.header("origin");
        if (cors.allowsAnyOrigin() && !cors.credentials()) {
            h.put("Access-Control-Allow-Origin", "*");
        } else if (origin != null && (cors.allowsAnyOrigin() || cors.origins().contains(origin))) {
            h.put("Access-Control-Allow-Origin", origin);
            h.put("Vary", "Origin");
        } else {
            return h;
        }
        if (cors.credentials()) h.put("Access-Control-Allow-Credentials", "true");
        if (!cors.exposedHeaders().isEmpty()) {
            h.put("Access-Control-Expose-Headers", String.join(",", cors.exposedHeaders()));
        }
        if (preflight) {
            h.put("Access-Control-Allow-Methods", String.join(",", cors.methods()));
            String allowed = cors.allowedHeaders().isEmpty()
                    ? request.header("access-control-request-headers") : String.join(",", cors.allowedHeaders());
            if (allowed != null && !allowed.isEmpty()) h.put("Access-Control-Allow-Headers", allowed);
            if (cors.maxAgeSeconds() >= 0) h.put("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()));
        }
        return h;
    }
}
