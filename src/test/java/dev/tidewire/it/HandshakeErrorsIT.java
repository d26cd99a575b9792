package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests refused before or instead of a session: error codes 0, 1, 2, 3 and 5 over polling (JSON body) and over
 * a WebSocket upgrade (text/html message, no 101). After each, a session opened before the bad request still echoes.
 */
class HandshakeErrorsIT extends EchoWitnessed {
    @Test
    void unknownTransportIsCode0() {
        Eio.assertError(eio.get("EIO=4&transport=carrier-pigeon"), 0, "Transport unknown");
        Eio.assertError(eio.get("EIO=4"), 0, "Transport unknown");
        Eio.assertError(eio.get("EIO=4&transport=webtransport"), 0, "Transport unknown");
        Eio.assertError(eio.post("EIO=4&transport=carrier-pigeon", "4x"), 0, "Transport unknown");
    }

    @Test
    void unknownSidOverPollingIsCode1() {
        Eio.assertError(eio.get(Eio.sidQuery("AAAAAAAAAAAAAAAAAAAA")), 1, "Session ID unknown");
        Eio.assertError(eio.post(Eio.sidQuery("AAAAAAAAAAAAAAAAAAAA"), "4x"), 1, "Session ID unknown");
    }

    @Test
    void unknownSidOverWebSocketUpgradeIs400TextHtml() {
        WebSocketHandshakeException refused = WsClient.refused(
                eio.ws("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA"));
        assertRefusal(refused, "Session ID unknown");
    }

    @Test
    void postHandshakeIsCode2() {
        Eio.assertError(eio.post("EIO=4&transport=polling", "4x"), 2, "Bad handshake method");
        HttpResponse<String> put = Eio.send(eio.request("EIO=4&transport=polling")
                .PUT(HttpRequest.BodyPublishers.ofString("4x")).build());
        Eio.assertError(put, 2, "Bad handshake method");
    }

    @Test
    void webSocketTransportWithoutUpgradeIsCode3() {
        Eio.assertError(eio.get("EIO=4&transport=websocket"), 3, "Bad request");
    }

    @Test
    void pollingTransportWithAnUpgradeHeaderIsRefused() {
        assertRefusal(WsClient.refused(eio.ws("EIO=4&transport=polling")), "Bad request");
    }

    @Test
    void otherProtocolVersionsAreCode5() {
        Eio.assertError(eio.get("EIO=3&transport=polling"), 5, "Unsupported protocol version");
        Eio.assertError(eio.get("transport=polling"), 5, "Unsupported protocol version");
        Eio.assertError(eio.get("EIO=abc&transport=polling"), 5, "Unsupported protocol version");
    }

    @Test
    void otherProtocolVersionsAreRefusedOverWebSocket() {
        // node answers 101 and then breaks the socket (PROTOCOL.md section 1); refusing before the 101 is stricter
        assertRefusal(WsClient.refused(eio.ws("EIO=3&transport=websocket")), "Unsupported protocol version");
    }

    @Test
    void theWebSocketEndpointsOwnPathIsNoWayAroundTheChecks() {
        // on Payara the engine's endpoint is registered at <path>.websocket and admits only upgrades the engine has
        // checked (403 otherwise); on WildFly that path is an ordinary request to the engine, checked as any other
        URI direct = URI.create(eio.ws("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA").toString()
                .replace("/engine.io/?", "/engine.io/.websocket?"));
        int status = WsClient.refused(direct).getResponse().statusCode();
        assertTrue(status == 400 || status == 403, "an unknown session id refused with " + status);
    }

    @Test
    void aPathWithoutItsTrailingSlashIsNotTheEndpoint() {
        // as the reference's default (addTrailingSlash): the Socket.IO server answers at /socket.io/ only
        assertEquals(404, Eio.send(HttpRequest.newBuilder(eio.at("socket.io?EIO=4&transport=polling")).build())
                .statusCode());
        URI wsNoSlash = URI.create(eio.at("socket.io?EIO=4&transport=websocket").toString().replaceFirst("^http", "ws"));
        assertEquals(404, WsClient.refused(wsNoSlash).getResponse().statusCode());
        HttpResponse<String> withSlash = Eio.send(HttpRequest.newBuilder(eio.at("socket.io/?EIO=4&transport=polling"))
                .build());
        assertEquals(200, withSlash.statusCode(), withSlash.body());
    }

    @Test
    void withAddTrailingSlashOffThePathWithoutItIsServedToo() {
        // the fixture's echo engine runs with addTrailingSlash=false
        HttpResponse<String> r = Eio.send(HttpRequest.newBuilder(eio.at("engine.io?EIO=4&transport=polling")).build());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("0{"), r.body());
    }

    @Test
    void aRefusedUpgradeIsAnswered400AndItsConnectionIsClosed() throws Exception {
        String key = "dGhlIHNhbXBsZSBub25jZQ==";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("unknown transport", upgradeRequest("EIO=4&transport=flash", key, "13"));
        requests.put("unknown sid", upgradeRequest("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA", key, "13"));
        requests.put("no Sec-WebSocket-Key", upgradeRequest("EIO=4&transport=websocket", null, "13"));
        requests.put("no Sec-WebSocket-Version", upgradeRequest("EIO=4&transport=websocket", key, null));
        URI server = eio.at("/");
        for (Map.Entry<String, String> r : requests.entrySet()) {
            String answer = RawHttp.sendAndReadUntilClosed(server, r.getValue());
            assertTrue(answer.startsWith("HTTP/1.1 400"), r.getKey() + ": " + answer);
        }
    }

    /**
     * A control character in a header value: 400 before CORS sees the value, and the connection closed. Undertow
     * passes such values to the application; Grizzly (Payara) refuses them itself. (A bare CR or LF is a line end
     * to Undertow, so the value that arrives has no control character; Grizzly refuses it.)
     */
    @Test
    void aControlCharacterInAHeaderIsRefusedBeforeCorsAndItsConnectionIsClosed() throws Exception {
        URI handshake = eio.http("EIO=4&transport=polling");
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("origin", RawHttp.head("GET", handshake, "Origin: http://a/\u0001\r\n"));
        requests.put("another header", RawHttp.head("GET", handshake, "Origin: http://a\r\nX-Token: ab\u000bcd\r\n"));
        requests.put("preflight", RawHttp.head("OPTIONS", handshake, "Origin: http://a\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: x-a\u0001b\r\n"));
        requests.put("upgrade", upgradeRequest("EIO=4&transport=websocket", "dGhlIHNhbXBsZSBub25jZQ==", "13")
                .replace("\r\n\r\n", "\r\nOrigin: http://a/\u007f\r\n\r\n"));
        URI server = eio.at("/");
        for (Map.Entry<String, String> r : requests.entrySet()) {
            String answer = RawHttp.sendAndReadUntilClosed(server, r.getValue());
            assertTrue(answer.startsWith("HTTP/1.1 400"), r.getKey() + ": " + answer);
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
            assertFalse(head.contains("access-control-allow"), r.getKey() + " reached CORS: " + answer);
        }
    }

    private String upgradeRequest(String query, String key, String version) {
        return RawHttp.head("GET", eio.http(query), "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + (key == null ? "" : "Sec-WebSocket-Key: " + key + "\r\n")
                + (version == null ? "" : "Sec-WebSocket-Version: " + version + "\r\n"));
    }

    private static void assertRefusal(WebSocketHandshakeException refused, String message) {
        HttpResponse<?> r = refused.getResponse();
        assertEquals(400, r.statusCode());
        assertEquals("text/html", Eio.contentType(r));
        assertEquals(message, String.valueOf(r.body()));
    }
}
