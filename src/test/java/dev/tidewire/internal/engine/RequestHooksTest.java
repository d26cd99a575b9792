package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The engine's hooks, the reference's {@code io.engine} surface: {@code connection_error} for every refused request,
 * {@code initial_headers}/{@code headers} on the engine's answers, {@code generateId}, and {@code initialPacket}.
 */
class RequestHooksTest {
    private final TestEngine t = TestEngine.with(b -> b.allowRequest(req ->
            "no".equals(req.queryParam("token")) ? "token refused" : null));
    private final List<String> errors = new ArrayList<>();

    private void recordErrors() {
        t.server.hooks().errorListener((error, message, method, req) ->
                errors.add(error.code() + " " + message + " " + method + " " + req.url()));
    }

    // ---------------------------------------------------------------- connection_error

    @Test
    void everyRefusedPollingRequestIsReportedWithItsCodeAndMessage() {
        recordErrors();
        t.http(FakeHttpExchange.get("EIO=4&transport=carrier"));
        t.http(FakeHttpExchange.get("EIO=4&transport=polling&sid=nope"));
        t.http(FakeHttpExchange.post("EIO=4&transport=polling", "x"));
        t.http(FakeHttpExchange.get("EIO=4&transport=websocket"));
        t.http(FakeHttpExchange.get("EIO=4&transport=polling&token=no"));
        t.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        t.http(FakeHttpExchange.of("GET", "EIO=4&transport=polling", Map.of("X-Bad", "a\u0001b")));
        assertEquals(List.of(
                "0 Transport unknown GET /engine.io/?EIO=4&transport=carrier",
                "1 Session ID unknown GET /engine.io/?EIO=4&transport=polling&sid=nope",
                "2 Bad handshake method POST /engine.io/?EIO=4&transport=polling",
                "3 Bad request GET /engine.io/?EIO=4&transport=websocket",
                "4 token refused GET /engine.io/?EIO=4&transport=polling&token=no",
                "5 Unsupported protocol version GET /engine.io/?EIO=3&transport=polling",
                "3 Bad request GET /engine.io/?EIO=4&transport=polling"), errors);
    }

    @Test
    void refusedWebSocketsAreReported() {
        recordErrors();
        assertNotNull(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket&sid=nope")));
        assertNotNull(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=5&transport=websocket")));
        assertEquals(List.of("1 Session ID unknown GET /engine.io/?EIO=4&transport=websocket&sid=nope",
                "5 Unsupported protocol version GET /engine.io/?EIO=5&transport=websocket"), errors);

        // accepted by verifyUpgrade, closed before the socket opened
        String sid = t.handshakePolling();
        RequestInfo upgrade = TestEngine.wsRequest("EIO=4&transport=websocket&sid=" + sid);
        assertNull(t.server.verifyUpgrade(upgrade));
        t.session(sid).close(CloseReason.FORCED_CLOSE);
        FakeWebSocketConnection conn = new FakeWebSocketConnection();
        t.server.onWebSocketOpen(upgrade, conn);
        assertEquals(1008, conn.closeCode);
        assertEquals("1 Session ID unknown GET /engine.io/?EIO=4&transport=websocket&sid=" + sid, errors.get(2));
    }

    @Test
    void pollingRequestsOfAnUpgradedSessionAreReported() {
        recordErrors();
        String sid = t.handshakePolling();
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.upgradeSocket(sid, ws);
        h.onText("2probe");
        h.onText("5");
        FakeHttpExchange late = t.get(sid);
        assertEquals(400, late.status());
        assertEquals(List.of("3 Bad request GET /engine.io/?" + TestEngine.pollQuery(sid)), errors);
    }

    @Test
    void aThrowingErrorListenerDoesNotChangeTheAnswer() {
        t.server.hooks().errorListener((error, message, method, req) -> {
            throw new IllegalStateException("listener bug");
        });
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling&token=no"));
        assertEquals(403, ex.status());
        assertEquals("{\"code\":4,\"message\":\"token refused\"}", ex.bodyText());
        assertEquals(200, t.http(FakeHttpExchange.get("EIO=4&transport=polling")).status(), "the engine serves on");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void headersReachTheHandshakeAndEveryPollButNotARefusal() {
        List<String> seen = new ArrayList<>();
        t.server.hooks().headerListener((headers, initial, method, req) -> {
            seen.add(method + (initial ? " initial" : ""));
            headers.put("X-Hook", initial ? "initial" : "every");
        });
        FakeHttpExchange handshake = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
        assertEquals("initial", handshake.response().headers().get("X-Hook"));
        String sid = TestEngine.sidOf(handshake.bodyText());

        FakeHttpExchange post = t.post(sid, "4hi");
        assertEquals("every", post.response().headers().get("X-Hook"));
        t.session(sid).sendMessage("out");
        FakeHttpExchange poll = t.get(sid);
        assertEquals("4out", poll.bodyText());
        assertEquals("every", poll.response().headers().get("X-Hook"));

        FakeHttpExchange refused = t.http(FakeHttpExchange.get("EIO=4&transport=carrier"));
        assertNull(refused.response().headers().get("X-Hook"));
        assertEquals(List.of("GET initial", "POST", "GET"), seen);
    }

    @Test
    void theHandshakeListenerSeesTheCookieAndMayReplaceIt() {
        TestEngine c = TestEngine.with(b -> b.cookie(CookieOptions.defaults()));
        c.server.hooks().headerListener((headers, initial, method, req) -> {
            assertTrue(headers.get("Set-Cookie").startsWith("io="), headers.toString());
            headers.put("Set-Cookie", "mine=1");
        });
        assertEquals("mine=1", c.http(FakeHttpExchange.get("EIO=4&transport=polling")).response().headers()
                .get("Set-Cookie"));
    }

    @Test
    void upgradeHeadersAreInitialOnlyWithoutASession() {
        assertEquals(Map.of(), t.server.upgradeHeaders(TestEngine.wsRequest("EIO=4&transport=websocket")));
        t.server.hooks().headerListener((headers, initial, method, req) -> headers.put("X-Initial", "" + initial));
        assertEquals(Map.of("X-Initial", "true"),
                t.server.upgradeHeaders(TestEngine.wsRequest("EIO=4&transport=websocket")));
        assertEquals(Map.of("X-Initial", "false"),
                t.server.upgradeHeaders(TestEngine.wsRequest("EIO=4&transport=websocket&sid=abc")));
    }

    @Test
    void aThrowingHeaderListenerLeavesTheHeadersAsTheEngineMadeThem() {
        t.server.hooks().headerListener((headers, initial, method, req) -> {
            headers.put("X-Half", "done");
            throw new IllegalStateException("listener bug");
        });
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
        assertEquals(200, ex.status());
        assertFalse(ex.response().headers().containsKey("X-Half"));
        assertTrue(ex.bodyText().startsWith("0{\"sid\":"), ex.bodyText());
    }

    // ---------------------------------------------------------------- generateId

    @Test
    void aGeneratedIdNamesTheSession() {
        AtomicInteger n = new AtomicInteger();
        t.server.hooks().idGenerator(req -> "custom-" + n.incrementAndGet() + "-" + req.queryParam("transport"));
        String sid = t.handshakePolling();
        assertEquals("custom-1-polling", sid);
        assertNotNull(t.server.session(sid));
        assertEquals(200, t.post(sid, "4x").status());

        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        assertTrue(((String) ws.frames.get(0)).startsWith("0{\"sid\":\"custom-2-websocket\""), ws.frames.toString());
    }

    @Test
    void aNullEmptyDuplicateOrThrowingIdRefusesTheHandshake() {
        recordErrors();
        List<String> ids = new ArrayList<>(List.of("", "dup", "dup"));
        t.server.hooks().idGenerator(req -> {
            if (ids.isEmpty()) throw new IllegalStateException("out of ids");
            String next = ids.remove(0);
            return next.equals("null") ? null : next;
        });
        ids.add(0, "null");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=4&transport=polling"));
            statuses.add(ex.status());
            if (ex.status() == 400) assertEquals("{\"code\":3,\"message\":\"Bad request\"}", ex.bodyText());
        }
        // null, empty, dup (accepted), dup again (in use), the generator throws
        assertEquals(List.of(400, 400, 200, 400, 400), statuses);
        assertEquals(1, t.server.sessionCount());
        assertEquals(4, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.startsWith("3 Bad request GET")), errors.toString());
    }

    @Test
    void aRefusedIdClosesAWebSocketOpenedWithoutASession() {
        recordErrors();
        t.server.hooks().idGenerator(req -> null);
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        WebSocketHandler h = t.handshakeWebSocket(ws);
        assertEquals(1011, ws.closeCode);
        assertEquals(List.of(), ws.frames);
        assertEquals(0, t.server.sessionCount());
        assertEquals(WebSocketHandler.IGNORE, h);
        assertEquals(List.of("3 Bad request GET /engine.io/?EIO=4&transport=websocket"), errors);
    }

    @Test
    void aGeneratedIdIsQuotedInTheOpenPacket() {
        t.server.hooks().idGenerator(req -> "a\"b");
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertTrue(body.startsWith("0{\"sid\":\"a\\\"b\",\"upgrades\""), body);
    }

    // ---------------------------------------------------------------- initialPacket

    @Test
    void anInitialTextPacketFollowsTheOpenPacket() {
        t.server.hooks().initialPacket("hello");
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertTrue(body.startsWith("0{\"sid\":"), body);
        assertTrue(body.endsWith("}\u001e4hello"), body);

        t.onConnection = s -> s.sendMessage("from the listener");
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        assertTrue(((String) ws.frames.get(0)).startsWith("0{"), ws.frames.toString());
        assertEquals(List.of("4hello", "4from the listener"), List.of(ws.frames.get(1), ws.frames.get(2)));
    }

    @Test
    void anInitialBinaryPacketIsBinaryOverWebSocketAndBase64OverPolling() {
        byte[] data = {1, 2, 3};
        t.server.hooks().initialPacket(data);
        data[0] = 9; // copied when set
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertTrue(body.endsWith("}\u001ebAQID"), body);
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) ws.frames.get(1));
    }

    @Test
    void withoutAnInitialPacketTheOpenPacketIsAlone() {
        t.server.hooks().initialPacket("x");
        t.server.hooks().initialPacket((String) null);
        String body = t.http(FakeHttpExchange.get("EIO=4&transport=polling")).bodyText();
        assertFalse(body.contains("\u001e"), body);
        FakeWebSocketConnection ws = new FakeWebSocketConnection();
        t.handshakeWebSocket(ws);
        assertEquals(1, ws.frames.size(), ws.frames.toString());
    }
}
