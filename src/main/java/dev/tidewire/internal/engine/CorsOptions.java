package dev.tidewire.internal.engine;

import java.util.List;

/**
 * Cross-origin settings, as the reference's {@code cors} option. {@code origins} holds allowed origins; the single
 * entry {@code "*"} allows any (sent as {@code *}, or the request's origin reflected when credentials are on).
 *
 * @param allowedHeaders empty means: reflect the preflight's Access-Control-Request-Headers
 */
public record CorsOptions(List<String> origins, boolean credentials, List<String> methods,
                          List<String> allowedHeaders, List<String> exposedHeaders, int maxAgeSeconds) {
    public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");

    public CorsOptions {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    public static CorsOptions anyOrigin() {
        return new CorsOptions(List.of("*"), false, DEFAULT_METHODS, List.of(), List.of(), -1);
    }

    public boolean allowsAnyOrigin() {
        return origins.contains("*");
    }
}
