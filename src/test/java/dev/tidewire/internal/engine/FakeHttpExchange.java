package dev.tidewire.internal.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link HttpExchange} that records its response. {@link #readBody} delivers the configured body synchronously,
 * or reports it too large when it exceeds the limit; {@link #holdBody()} keeps the read pending until
 * {@link #deliverHeldBody()} (a slow upload, for overlapping POSTs).
 */
final class FakeHttpExchange implements HttpExchange {
    private final String method;
    private final RequestInfo request;
    private byte[] body = new byte[0];
    private boolean holdBody;
    private BodyCallback heldCallback;
    private int heldLimit;
    final List<HttpResponse> responses = new ArrayList<>();
    int readBodyCalls;
    boolean aborted;

    private FakeHttpExchange(String method, String query, Map<String, String> headers) {
        this.method = method;
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("&")) {
                int eq = part.indexOf('=');
                String k = decode(eq < 0 ? part : part.substring(0, eq));
                String v = eq < 0 ? "" : decode(part.substring(eq + 1));
                q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(), List.of(v)));
        this.request = new RequestInfo(h, q, "127.0.0.1", false, "/engine.io/?" + query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static FakeHttpExchange of(String method, String query, Map<String, String> headers) {
        return new FakeHttpExchange(method, query, headers);
    }

    static FakeHttpExchange get(String query) {
        return of("GET", query, Map.of());
    }

    static FakeHttpExchange post(String query, String body) {
        return of("POST", query, Map.of("Content-Type", "text/plain;charset=UTF-8")).body(body);
    }

    FakeHttpExchange body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    FakeHttpExchange body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    FakeHttpExchange holdBody() {
        this.holdBody = true;
        return this;
    }

    void deliverHeldBody() {
        BodyCallback cb = heldCallback;
        if (cb == null) throw new IllegalStateException("no body read is pending");
        heldCallback = null;
        deliver(cb, heldLimit);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public RequestInfo request() {
        return request;
    }

    @Override
    public void readBody(int limit, BodyCallback callback) {
        readBodyCalls++;
        if (holdBody) {
            heldCallback = callback;
            heldLimit = limit;
            return;
        }
        deliver(callback, limit);
    }

    private void deliver(BodyCallback callback, int limit) {
        if (body.length > limit) callback.onTooLarge();
        else callback.onBody(body);
    }

    @Override
    public void respond(HttpResponse response) {
        responses.add(response);
    }

    @Override
    public void abort() {
        aborted = true;
        heldCallback = null;
        if (responses.isEmpty()) responses.add(HttpResponse.empty(400, Map.of("Connection", "close")));
    }

    boolean answered() {
        return !responses.isEmpty();
    }

    /** The single response; fails when there is none or more than one. */
    HttpResponse response() {
        if (responses.size() != 1) throw new AssertionError("expected exactly one response, got " + responses.size());
        return responses.get(0);
    }

    int status() {
        return response().status();
    }

    String bodyText() {
        return response().bodyText();
    }
}
