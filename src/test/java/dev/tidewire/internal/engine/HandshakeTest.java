package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static JsonObject openJson(String openPacket) {
        assertEquals('0', openPacket.charAt(0), openPacket);
        try (var r = Json.createReader(new StringReader(openPacket.substring(1)))) {
            return r.readObject();
        }
    }

    @Test
    void pollingHandshakeAnswersOpenPacket() {
        TestEngine t = new TestEngine();
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling&t=N8hyd6w"));

        HttpResponse r = ex.response();
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=UTF-8", r.contentType());
        assertEquals("no-store", r.headers().get("Cache-Control"));
        assertFalse(r.headers().containsKey("Set-Cookie"), "no cookie unless the option is on");
        String sid = TestEngine.sidOf(r.bodyText());
        assertEquals("0{\"sid\":\"" + sid + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                + "\"pingTimeout\":20000,\"maxPayload\":1000000}", r.bodyText());

        JsonObject open = openJson(r.bodyText());
        assertEquals(Set.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"), open.keySet());
        assertNotNull(t.server.session(sid));
        assertEquals(1, t.server.sessionCount());
        assertEquals(List.of(sid), t.connected.stream().map(EngineSession::id).toList());
        assertEquals("polling", t.session(sid).transport());
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void openPacketCarriesConfiguredValues() {
        TestEngine t = TestEngine.with(b -> b.pingInterval(300).pingTimeout(200).maxHttpBufferSize(5000));
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        JsonObject open = openJson(body);
        assertEquals(300, open.getInt("pingInterval"));
        assertEquals(200, open.getInt("pingTimeout"));
        assertEquals(5000, open.getInt("maxPayload"));
        assertEquals(List.of("websocket"), open.getJsonArray("upgrades").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void webSocketHandshakeSendsOpenAsFirstFrameWithNoUpgrades() {
        TestEngine t = new TestEngine();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);

        assertEquals(1, ws.frames.size());
        String first = (String) ws.frames.get(0);
        String sid = TestEngine.sidOf(first);
        assertEquals("0{\"sid\":\"" + sid + "\",\"upgrades\":[],\"pingInterval\":25000,"
                + "\"pingTimeout\":20000,\"maxPayload\":1000000}", first);
        assertEquals("websocket", t.session(sid).transport());
        assertFalse(ws.isClosed());
    }

    @Test
    void noUpgradesWhenAllowUpgradesIsOff() {
        TestEngine t = TestEngine.with(b -> b.allowUpgrades(false));
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertTrue(openJson(body).getJsonArray("upgrades").isEmpty(), body);
        assertTrue(body.contains("\"upgrades\":[]"), body);
    }

    @Test
    void noUpgradesWhenWebSocketIsDisabled() {
        TestEngine t = TestEngine.with(b -> b.transports(List.of("polling")));
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertTrue(body.contains("\"upgrades\":[]"), body);
    }

    @Test
    void cookieOptionSetsSessionCookie() {
        TestEngine t = TestEngine.with(b -> b.cookie(CookieOptions.defaults()));
        HttpResponse r = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).response();
        String sid = TestEngine.sidOf(r.bodyText());
        assertEquals("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax", r.headers().get("Set-Cookie"));
    }

    @Test
    void connectionListenerRunsBeforeTheClientCanSendAnything() {
        TestEngine t = new TestEngine();
        String sid = t.handshakePolling();
        assertEquals(1, t.connected.size());
        assertEquals(200, t.post(sid, "4hi").status());
        assertEquals(List.of("hi"), t.listener(sid).messages);
    }

    @Test
    void pollingOpenPacketComesBeforeMessagesSentOnConnection() {
        TestEngine t = new TestEngine();
        t.onConnection = s -> s.sendMessage("welcome");
        FakeHttpExchange hs = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
        assertTrue(hs.bodyText().startsWith("0{"), hs.bodyText());
        String sid = TestEngine.sidOf(hs.bodyText());
        assertEquals("4welcome", t.get(sid).bodyText());
    }

    @Test
    void webSocketOpenPacketComesBeforeMessagesSentOnConnection() {
        TestEngine t = new TestEngine();
        t.onConnection = s -> s.sendMessage("welcome");
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        assertEquals(2, ws.frames.size(), ws.frames.toString());
        assertTrue(((String) ws.frames.get(0)).startsWith("0{\"sid\":"), ws.frames.toString());
        assertEquals("4welcome", ws.frames.get(1));
    }

    @Test
    void handshakeAcceptsExtraQueryParameters() {
        TestEngine t = new TestEngine();
        FakeHttpExchange ex = t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling&t=x&token=abc", Map.of()));
        assertEquals(200, ex.status());
        String sid = TestEngine.sidOf(ex.bodyText());
        assertEquals("abc", t.session(sid).request().queryParam("token"));
    }
}
