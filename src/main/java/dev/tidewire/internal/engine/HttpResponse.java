package dev.tidewire.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer decided by the engine and written by the container adapter. */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    public HttpResponse {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    public static HttpResponse empty(int status, Map<String, String> headers) {
        return new HttpResponse(status, null, null, headers);
    }

    public static HttpResponse text(int status, String contentType, String body, Map<String, String> headers) {
        return new HttpResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The reference's JSON error body {@code {"code":N,"message":"..."}}. */
    public static HttpResponse error(EngineError error, String message, Map<String, String> headers) {
        String body = "{\"code\":" + error.code() + ",\"message\":" + Json.quote(message) + "}";
        return text(error.httpStatus(), "application/json", body, headers);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpResponse(status, contentType, body, h);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
