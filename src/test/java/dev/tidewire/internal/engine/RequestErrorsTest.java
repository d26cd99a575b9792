package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestErrorsTest {

    static void assertError(FakeHttpExchange ex, int status, int code, String message) {
        HttpResponse r = ex.response();
        assertEquals(status, r.status(), r.bodyText());
        assertEquals("application/json", r.contentType());
        assertEquals("{\"code\":" + code + ",\"message\":\"" + message + "\"}", r.bodyText());
    }

    static void assertRefusal(HttpResponse r, int status, String message) {
        assertEquals(status, r.status());
        assertEquals("text/html", r.contentType());
        assertEquals(message, r.bodyText());
    }

    // ---------------------------------------------------------------- code 0

    @ParameterizedTest
    @ValueSource(strings = {"EIO=4&transport=foo", "EIO=4", "EIO=4&transport=", "EIO=4&transport=webtransport",
            "EIO=4&transport=POLLING"})
    void unknownOrMissingTransportIsCode0(String query) {
        TestEngine t = new TestEngine();
        assertError(t.http(FakeHttpExchange.get(query)), 400, 0, "Transport unknown");
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void disabledTransportIsCode0() {
        TestEngine t = TestEngine.with(b -> b.transports(List.of("websocket")));
        assertError(t.http(FakeHttpExchange.get("EIO=4&transport=polling")), 400, 0, "Transport unknown");
        assertEquals(0, t.server.sessionCount());

        TestEngine p = TestEngine.with(b -> b.transports(List.of("polling")));
        assertRefusal(p.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket")), 400,
                "Transport unknown");
    }

    @Test
    void unknownTransportForAnExistingSidIsCode0() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        assertError(t.http(FakeHttpExchange.get("EIO=4&transport=foo&sid=" + sid)), 400, 0, "Transport unknown");
        assertTrue(t.session(sid).isOpen());
    }

    // ---------------------------------------------------------------- code 1

    @Test
    void unknownSidIsCode1() {
        TestEngine t = new TestEngine();
        assertError(t.get("AAAAAAAAAAAAAAAAAAAA"), 400, 1, "Session ID unknown");
        assertError(t.post("AAAAAAAAAAAAAAAAAAAA", "4x"), 400, 1, "Session ID unknown");
    }

    @Test
    void sidOfAClosedSessionIsCode1() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        t.session(sid).close(CloseReason.FORCED_CLOSE);
        assertError(t.get(sid), 400, 1, "Session ID unknown");
    }

    // ---------------------------------------------------------------- code 2

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void handshakeWithOtherMethodThanGetIsCode2(String method) {
        TestEngine t = new TestEngine();
        assertError(t.http(FakeHttpExchange.of(method, "EIO=4&transport=polling", Map.of())), 400, 2,
                "Bad handshake method");
        assertEquals(0, t.server.sessionCount());
    }

    // ---------------------------------------------------------------- code 3

    @Test
    void webSocketTransportWithoutUpgradeIsCode3() {
        TestEngine t = new TestEngine();
        assertError(t.http(FakeHttpExchange.get("EIO=4&transport=websocket")), 400, 3, "Bad request");
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void transportMismatchForPollingSessionIsCode3() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        assertError(t.http(FakeHttpExchange.get("EIO=4&transport=websocket&sid=" + sid)), 400, 3, "Bad request");
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void pollingRequestForWebSocketSessionIsCode3() {
        TestEngine t = new TestEngine();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        assertError(t.get(sid), 400, 3, "Bad request");
        assertError(t.post(sid, "4x"), 400, 3, "Bad request");
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void upgradeRequestWithPollingTransportIsRefused() {
        TestEngine t = new TestEngine();
        assertRefusal(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=polling")), 400, "Bad request");
    }

    // ---------------------------------------------------------------- code 4

    @Test
    void allowRequestRejectionIsCode4With403AndCustomMessage() {
        List<RequestInfo> seen = new ArrayList<>();
        TestEngine t = TestEngine.with(b -> b.allowRequest(req -> {
            seen.add(req);
            return "not today";
        }));
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling&token=x"));
        assertError(ex, 403, 4, "not today");
        assertEquals("x", seen.get(0).queryParam("token"));
        assertEquals(0, t.server.sessionCount());
        assertTrue(t.connected.isEmpty());
    }

    @Test
    void allowRequestRejectionWithEmptyMessageUsesForbidden() {
        TestEngine t = TestEngine.with(b -> b.allowRequest(req -> ""));
        assertError(t.http(FakeHttpExchange.get("EIO=4&transport=polling")), 403, 4, "Forbidden");
    }

    @Test
    void allowRequestMessageIsJsonEscaped() {
        TestEngine t = TestEngine.with(b -> b.allowRequest(req -> "say \"no\""));
        HttpResponse r = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).response();
        assertEquals(403, r.status());
        assertEquals("{\"code\":4,\"message\":\"say \\\"no\\\"\"}", r.bodyText());
    }

    @Test
    void allowRequestRejectionOverWebSocketIsA403Refusal() {
        TestEngine t = TestEngine.with(b -> b.allowRequest(req -> "not today"));
        assertRefusal(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket")), 403, "not today");
    }

    @Test
    void allowRequestIsOnlyAskedForHandshakes() {
        List<RequestInfo> seen = new ArrayList<>();
        TestEngine t = TestEngine.with(b -> b.allowRequest(req -> {
            seen.add(req);
            return null;
        }));
        String sid = t.handshakePolling();
        assertEquals(1, seen.size());
        assertEquals(200, t.post(sid, "4x").status());
        assertEquals(1, seen.size());
    }

    // ---------------------------------------------------------------- code 5

    @ParameterizedTest
    @ValueSource(strings = {"transport=polling", "EIO=3&transport=polling", "EIO=abc&transport=polling",
            "EIO=&transport=polling", "EIO=5&transport=polling", "EIO=04&transport=polling"})
    void unsupportedProtocolVersionIsCode5(String query) {
        TestEngine t = new TestEngine();
        assertError(t.http(FakeHttpExchange.get(query)), 400, 5, "Unsupported protocol version");
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void unsupportedProtocolVersionOverWebSocketIsRefused() {
        TestEngine t = new TestEngine();
        assertRefusal(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=3&transport=websocket")), 400,
                "Unsupported protocol version");
    }

    // ---------------------------------------------------------------- WebSocket refusals

    @Test
    void verifyUpgradeAcceptsValidRequests() {
        TestEngine t = new TestEngine();
        assertNull(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket")));
        String sid = t.handshakePolling();
        assertNull(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket&sid=" + sid)));
    }

    @Test
    void verifyUpgradeRefusesUnknownSidAsTextHtml() {
        TestEngine t = new TestEngine();
        assertRefusal(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket&sid=nope")), 400,
                "Session ID unknown");
    }

    @Test
    void verifyUpgradeRefusesUnknownTransportAsTextHtml() {
        TestEngine t = new TestEngine();
        assertRefusal(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=foo")), 400, "Transport unknown");
    }

    @Test
    void webSocketOpenedForAVanishedSidIsClosed() {
        TestEngine t = new TestEngine();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.server.onWebSocketOpen(TestEngine.wsRequest("EIO=4&transport=websocket&sid=gone"), ws);
        assertTrue(ws.isClosed());
        h.onText("4hello"); // ignored, no exception
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void anUpgradeWithoutAValidKeyOrVersionIs400AndClosesTheConnection() {
        TestEngine t = new TestEngine();
        RequestInfo ok = TestEngine.wsRequest("EIO=4&transport=websocket");
        assertNull(t.server.verifyUpgrade(ok));
        Map<String, List<String>> headers = new LinkedHashMap<>(ok.headers());
        headers.remove("sec-websocket-key");
        HttpResponse noKey = t.server.verifyUpgrade(new RequestInfo(headers, ok.query(), "127.0.0.1", false, ok.url()));
        assertRefusal(noKey, 400, "Bad WebSocket handshake");
        assertEquals("close", noKey.headers().get("Connection"));
        headers.put("sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
        headers.put("sec-websocket-version", List.of("12"));
        assertRefusal(t.server.verifyUpgrade(new RequestInfo(headers, ok.query(), "127.0.0.1", false, ok.url())), 400,
                "Bad WebSocket handshake");
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void invalidOriginHeaderIsCode3() {
        TestEngine t = new TestEngine();
        FakeHttpExchange ex = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling",
                Map.of("Origin", "http://exa\u0001mple.com")));
        assertError(ex, 400, 3, "Bad request");
    }
}
