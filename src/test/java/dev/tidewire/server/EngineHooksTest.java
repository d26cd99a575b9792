package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidewire.internal.engine.RequestInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code io.engine()}: the public view of the engine hooks reaches the engine made with the server as listener. */
class EngineHooksTest {
    private final SioTestServer t = new SioTestServer();

    private static RequestInfo upgradeRequest(String query) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            q.put(part.substring(0, eq), List.of(part.substring(eq + 1)));
        }
        return new RequestInfo(Map.of("sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="),
                "sec-websocket-version", List.of("13"), "user-agent", List.of("probe/1")), q, "10.0.0.7", false,
                "/socket.io/?" + query);
    }

    @Test
    void connectionErrorsCarryTheCodeTheMessageAndTheRequest() {
        List<EngineHooks.ConnectionError> errors = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        t.io.engine().onConnectionError(errors::add).onConnectionError(e -> second.add(e.code()));
        assertNotNull(t.engine.verifyUpgrade(upgradeRequest("EIO=3&transport=websocket")));

        assertEquals(1, errors.size());
        EngineHooks.ConnectionError e = errors.get(0);
        assertEquals(5, e.code());
        assertEquals("Unsupported protocol version", e.message());
        assertEquals("GET", e.request().method());
        assertEquals("/socket.io/?EIO=3&transport=websocket", e.request().url());
        assertEquals("10.0.0.7", e.request().remoteAddress());
        assertEquals("probe/1", e.request().header("User-Agent"));
        assertEquals(List.of(5), second);
    }

    @Test
    void forbiddenCarriesTheRefusalAsSentToTheClient() {
        SioTestServer gated = new SioTestServer(SocketIoOptions.defaults().withAllowRequest(h -> "go away"));
        List<String> messages = new ArrayList<>();
        gated.io.engine().onConnectionError(e -> messages.add(e.code() + " " + e.message()));
        assertEquals(403, gated.engine.verifyUpgrade(upgradeRequest("EIO=4&transport=websocket")).status());
        assertEquals(List.of("4 go away"), messages);
    }

    @Test
    void headersListenersAddToTheUpgradeAnswer() {
        t.io.engine().onInitialHeaders((headers, req) -> headers.put("X-First", req.remoteAddress()))
                .onHeaders((headers, req) -> headers.put("X-Every", "yes"));
        assertEquals(Map.of("X-First", "10.0.0.7", "X-Every", "yes"),
                t.engine.upgradeHeaders(upgradeRequest("EIO=4&transport=websocket")));
        assertEquals(Map.of("X-Every", "yes"),
                t.engine.upgradeHeaders(upgradeRequest("EIO=4&transport=websocket&sid=x")));
    }

    @Test
    void generateIdNamesTheEngineSessionNotTheSocket() {
        t.io.engine().generateId(req -> "eio-" + req.url().length());
        SioTestServer.Peer c = t.connect();
        assertEquals("eio-" + "/socket.io/?EIO=4&transport=websocket".length(), c.engineSid);
        String socketId = c.connectTo("/");
        assertTrue(!socketId.startsWith("eio-"), socketId);

        t.io.engine().generateId(null); // the default again
        assertEquals(20, t.connect().engineSid.length());
    }

    @Test
    void anInitialPacketPrecedesTheConnectReply() {
        t.io.engine().initialPacket("2[\"welcome\"]");
        SioTestServer.Peer c = t.connect();
        assertEquals("42[\"welcome\"]", c.texts().get(1));
        c.connectTo("/");
        assertTrue(c.lastText().startsWith("40{\"sid\":"), c.lastText());
    }

    @Test
    void aThrowingListenerLeavesTheOthersToRun() {
        List<Integer> codes = new ArrayList<>();
        t.io.engine().onConnectionError(e -> {
            throw new IllegalStateException("listener bug");
        }).onConnectionError(e -> codes.add(e.code()));
        t.io.engine().onHeaders((headers, req) -> {
            throw new IllegalStateException("listener bug");
        }).onHeaders((headers, req) -> headers.put("X-After", "1"));
        assertNotNull(t.engine.verifyUpgrade(upgradeRequest("EIO=3&transport=websocket")));
        assertEquals(List.of(5), codes);
        assertEquals(Map.of("X-After", "1"), t.engine.upgradeHeaders(upgradeRequest("EIO=4&transport=websocket")));
    }

    @Test
    void listenersMustNotBeNull() {
        assertThrows(NullPointerException.class, () -> t.io.engine().onConnectionError(null));
        assertThrows(NullPointerException.class, () -> t.io.engine().onHeaders(null));
    }
}
