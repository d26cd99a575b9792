package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine.IO v3 over WebSocket: binary frames carry their type byte; {@code b64} clients get base64 text frames. */
class Eio3WebSocketTest {
    private final TestEngine t = TestEngine.with(b -> b.allowEIO3(true).pingInterval(300).pingTimeout(200));
    private final FakeWebSocketConnection ws = new FakeWebSocketConnection();

    private String openWebSocket(String extraQuery) {
        t.openWebSocket("EIO=3&transport=websocket" + extraQuery, ws);
        return TestEngine.sidOf((String) ws.frames.get(0));
    }

    @Test
    void theOpenPacketHasNoMaxPayloadAndNoUpgrades() {
        String sid = openWebSocket("");
        assertEquals("0{\"sid\":\"" + sid + "\",\"upgrades\":[],\"pingInterval\":300,\"pingTimeout\":200}",
                ws.frames.get(0));
    }

    @Test
    void binaryIsSentWithItsTypeByte() {
        String sid = openWebSocket("");
        t.session(sid).sendBinary(new byte[] {1, 2, 3});
        t.session(sid).sendMessage("x");
        assertArrayEquals(new byte[] {4, 1, 2, 3}, (byte[]) ws.frames.get(1));
        assertEquals("4x", ws.frames.get(2));
    }

    @Test
    void binaryIsSentAsBase64TextToAB64Client() {
        String sid = openWebSocket("&b64=1");
        t.session(sid).sendBinary(new byte[] {1, 2, 3});
        assertEquals("b4AQID", ws.frames.get(1));
    }

    @Test
    void aBinaryFrameStartsWithItsTypeByte() {
        WebSocketHandler h = t.openWebSocket("EIO=3&transport=websocket", ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        h.onBinary(new byte[] {4, 9, 8});
        h.onText("b4AQI=");
        h.onText("4text");
        RecordingListener l = t.listener(sid);
        assertEquals(2, l.binaries.size());
        assertArrayEquals(new byte[] {9, 8}, l.binaries.get(0));
        assertArrayEquals(new byte[] {1, 2}, l.binaries.get(1));
        assertEquals(List.of("text"), l.messages);
    }

    @Test
    void aBinaryFrameOfAnotherTypeIsAParseError() {
        WebSocketHandler h = t.openWebSocket("EIO=3&transport=websocket", ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        h.onBinary(new byte[] {2, 9});
        assertEquals(List.of(CloseReason.PARSE_ERROR), t.listener(sid).closes);
        assertTrue(ws.isClosed());
    }

    @Test
    void anEmptyBinaryFrameIsAParseError() {
        WebSocketHandler h = t.openWebSocket("EIO=3&transport=websocket", ws);
        String sid = TestEngine.sidOf((String) ws.frames.get(0));
        h.onBinary(new byte[0]);
        assertEquals(List.of(CloseReason.PARSE_ERROR), t.listener(sid).closes);
    }

    /** The socket's own request decides its frames: a polling XHR2 session may upgrade to a b64 WebSocket. */
    @Test
    void anUpgradedSessionUsesTheFramesOfItsWebSocketsRequest() {
        FakeHttpExchange hs = t.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        String sid = TestEngine.sidOf(hs.bodyText());
        FakeHttpExchange held = t.http(FakeHttpExchange.get("EIO=3&transport=polling&sid=" + sid));
        WebSocketHandler probe = t.openWebSocket("EIO=3&transport=websocket&b64=1&sid=" + sid, ws);
        probe.onText("2probe");
        assertEquals(List.of("3probe"), ws.textFrames());
        assertEquals("1:6", held.bodyText(), "the pending poll is released with a noop, length-prefixed");
        probe.onText("5");
        assertEquals(List.of("websocket"), t.listener(sid).upgrades);
        t.session(sid).sendBinary(new byte[] {1, 2, 3});
        assertEquals("b4AQID", ws.frames.get(ws.frames.size() - 1));
        probe.onText("b4AQI=");
        assertArrayEquals(new byte[] {1, 2}, t.listener(sid).binaries.get(0));
        probe.onText("2");
        assertEquals("3", ws.frames.get(ws.frames.size() - 1), "the v3 heartbeat carries on over the WebSocket");
    }

    @Test
    void anUpgradeOfAnotherRevisionIsRefused() {
        FakeHttpExchange hs = t.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        String sid = TestEngine.sidOf(hs.bodyText());
        HttpResponse refusal = t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket&sid=" + sid));
        assertEquals(400, refusal.status());
        assertEquals("Bad request", refusal.bodyText());
        assertFalse(t.session(sid).transport().equals(EngineOptions.WEBSOCKET));
    }
}
