package dev.tidewire.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.engine.RequestErrorsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A header value with a control character is refused with 400 (code 3) before CORS or a session sees it, as Node's
 * HTTP parser refuses it before the reference does; the connection is then closed.
 */
class HeaderControlCharactersTest {
    /** CORS that reflects the request's origin and, on preflight, its requested headers. */
    private static TestEngine reflectingCors() {
        return TestEngine.with(b -> b.cors(new CorsOptions(List.of("*"), true, CorsOptions.DEFAULT_METHODS,
                List.of(), List.of(), -1)));
    }

    private static void assertRefusedWithoutCors(FakeHttpExchange ex) {
        assertError(ex, 400, 3, "Bad request");
        assertNull(ex.response().headers().get("Access-Control-Allow-Origin"), "a bad value reached CORS");
        assertNull(ex.response().headers().get("Access-Control-Allow-Headers"), "a bad value reached CORS");
        assertEquals("close", ex.response().headers().get("Connection"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a/\u0001", "http://a/\n", "http://a/\r", "http://a/\u000b", "http://a/\u007f",
            "http://\u0000a/"})
    void anOriginWithAControlCharacterIsNeitherReflectedNorHandshaken(String origin) {
        TestEngine t = reflectingCors();
        assertRefusedWithoutCors(t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling",
                Map.of("Origin", origin))));
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void anyOtherHeaderWithAControlCharacterIsRefusedToo() {
        TestEngine t = reflectingCors();
        assertRefusedWithoutCors(t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling",
                Map.of("Origin", "http://a", "X-Token", "abc\u0001def"))));
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void aPreflightDoesNotReflectRequestedHeadersWithAControlCharacter() {
        TestEngine t = reflectingCors();
        assertRefusedWithoutCors(t.http(FakeHttpExchange.of("OPTIONS", "EIO=4&transport=polling",
                Map.of("Origin", "http://a", "Access-Control-Request-Headers", "x-a\u0001b"))));
    }

    @Test
    void aPollWithAControlCharacterIsRefusedAndTheSessionStaysOpen() {
        TestEngine t = reflectingCors();
        String sid = t.handshakePolling();
        assertRefusedWithoutCors(t.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(sid),
                Map.of("X-Trace", "\u0002"))));
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void anUpgradeWithAControlCharacterIsRefused() {
        TestEngine t = new TestEngine();
        RequestInfo ws = TestEngine.wsRequest("EIO=4&transport=websocket");
        RequestInfo bad = new RequestInfo(Map.of("upgrade", List.of("websocket"), "connection", List.of("Upgrade"), "sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="), "sec-websocket-version", List.of("13"),
                "origin", List.of("http://a/\u0001")), ws.query(), "127.0.0.1", false, ws.url());
        assertNull(t.server.verifyUpgrade(ws));
        HttpResponse refusal = t.server.verifyUpgrade(bad);
        assertEquals(400, refusal.status());
        assertEquals("Bad request", refusal.bodyText());
    }

    @Test
    void tabsAndObsTextAreValidValues() {
        TestEngine t = reflectingCors();
        FakeHttpExchange ex = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling",
                Map.of("Origin", "http://caf\u00e9.example", "X-Note", "a\tb")));
        assertEquals(200, ex.response().status(), ex.response().bodyText());
        assertEquals("http://caf\u00e9.example", ex.response().headers().get("Access-Control-Allow-Origin"));
        assertFalse(t.server.sessions().isEmpty());
    }
}
