package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsTest {
    private static final String ORIGIN = "https://app.example.com";

    private static TestEngine withCors(CorsOptions cors) {
        return TestEngine.with(b -> b.cors(cors));
    }

    private static FakeHttpExchange preflight(TestEngine t, String query, Map<String, String> headers) {
        return t.http(FakeHttpExchange.of("OPTIONS", query, headers));
    }

    @Test
    void preflightWithAnyOriginIs204WithAllowHeaders() {
        TestEngine t = withCors(CorsOptions.anyOrigin());
        HttpResponse r = preflight(t, "EIO=4&transport=polling", Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-token")).response();
        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
        assertEquals("*", r.headers().get("Access-Control-Allow-Origin"));
        assertEquals("GET,HEAD,PUT,PATCH,POST,DELETE", r.headers().get("Access-Control-Allow-Methods"));
        assertEquals("content-type,x-token", r.headers().get("Access-Control-Allow-Headers"));
        assertNull(r.headers().get("Access-Control-Allow-Credentials"));
        assertNull(r.headers().get("Access-Control-Max-Age"));
        assertEquals(0, t.server.sessionCount(), "a preflight opens no session");
    }

    @Test
    void preflightForAnExistingSidIs204Too() {
        TestEngine t = withCors(CorsOptions.anyOrigin());
        String sid = t.handshakePolling();
        HttpResponse r = preflight(t, TestEngine.pollQuery(sid), Map.of("Origin", ORIGIN)).response();
        assertEquals(204, r.status());
        assertEquals("*", r.headers().get("Access-Control-Allow-Origin"));
    }

    @Test
    void credentialsReflectTheOrigin() {
        TestEngine t = withCors(new CorsOptions(List.of("*"), true, CorsOptions.DEFAULT_METHODS, List.of(),
                List.of(), -1));
        HttpResponse r = preflight(t, "EIO=4&transport=polling", Map.of("Origin", ORIGIN)).response();
        assertEquals(204, r.status());
        assertEquals(ORIGIN, r.headers().get("Access-Control-Allow-Origin"));
        assertEquals("true", r.headers().get("Access-Control-Allow-Credentials"));
        assertEquals("Origin", r.headers().get("Vary"));

        HttpResponse hs = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling", Map.of("Origin", ORIGIN)))
                .response();
        assertEquals(200, hs.status());
        assertEquals(ORIGIN, hs.headers().get("Access-Control-Allow-Origin"));
        assertEquals("true", hs.headers().get("Access-Control-Allow-Credentials"));
    }

    @Test
    void listedOriginIsReflectedAndOthersGetNoCorsHeaders() {
        TestEngine t = withCors(new CorsOptions(List.of(ORIGIN), false, List.of("GET", "POST"), List.of("x-token"),
                List.of("x-a", "x-b"), 600));
        HttpResponse ok = preflight(t, "EIO=4&transport=polling", Map.of("Origin", ORIGIN,
                "Access-Control-Request-Headers", "ignored")).response();
        assertEquals(204, ok.status());
        assertEquals(ORIGIN, ok.headers().get("Access-Control-Allow-Origin"));
        assertEquals("Origin", ok.headers().get("Vary"));
        assertEquals("GET,POST", ok.headers().get("Access-Control-Allow-Methods"));
        assertEquals("x-token", ok.headers().get("Access-Control-Allow-Headers"));
        assertEquals("x-a,x-b", ok.headers().get("Access-Control-Expose-Headers"));
        assertEquals("600", ok.headers().get("Access-Control-Max-Age"));

        HttpResponse other = preflight(t, "EIO=4&transport=polling", Map.of("Origin", "https://evil.example"))
                .response();
        assertEquals(204, other.status());
        assertFalse(other.headers().containsKey("Access-Control-Allow-Origin"));
        assertFalse(other.headers().containsKey("Access-Control-Allow-Methods"));
    }

    @Test
    void corsHeadersAreOnHandshakePollPostAndErrorResponses() {
        TestEngine t = withCors(CorsOptions.anyOrigin());
        Map<String, String> origin = Map.of("Origin", ORIGIN);
        HttpResponse hs = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling", origin)).response();
        assertEquals("*", hs.headers().get("Access-Control-Allow-Origin"));
        assertNull(hs.headers().get("Access-Control-Allow-Methods"), "methods only on a preflight");
        String sid = TestEngine.sidOf(hs.bodyText());

        t.session(sid).sendMessage("x");
        HttpResponse poll = t.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(sid), origin)).response();
        assertEquals("4x", poll.bodyText());
        assertEquals("*", poll.headers().get("Access-Control-Allow-Origin"));

        HttpResponse post = t.http(FakeHttpExchange.of("POST", TestEngine.pollQuery(sid), origin).body("4y"))
                .response();
        assertEquals("ok", post.bodyText());
        assertEquals("*", post.headers().get("Access-Control-Allow-Origin"));

        HttpResponse err = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=nope", origin)).response();
        assertEquals(400, err.status());
        assertEquals("*", err.headers().get("Access-Control-Allow-Origin"));
    }

    @Test
    void withoutCorsOptionsNoHeadersAndOptionsIsNotAPreflight() {
        TestEngine t = new TestEngine();
        HttpResponse hs = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling", Map.of("Origin", ORIGIN)))
                .response();
        assertFalse(hs.headers().containsKey("Access-Control-Allow-Origin"));
        RequestErrorsTest.assertError(preflight(t, "EIO=4&transport=polling", Map.of("Origin", ORIGIN)), 400, 2,
                "Bad handshake method");
    }

    @Test
    void anyOriginWithoutOriginHeaderStillAnswersStar() {
        TestEngine t = withCors(CorsOptions.anyOrigin());
        HttpResponse r = preflight(t, "EIO=4&transport=polling", Map.of()).response();
        assertEquals(204, r.status());
        assertEquals("*", r.headers().get("Access-Control-Allow-Origin"));
    }
}
