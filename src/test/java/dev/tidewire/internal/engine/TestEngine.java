package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An {@link EngineServer} on a manual clock, with helpers that speak the wire protocol as a client would. */
final class TestEngine {
    final ManualScheduler clock = new ManualScheduler();
    final EngineServer server;
    final List<EngineSession> connected = new ArrayList<>();
    final Map<String, RecordingListener> listeners = new LinkedHashMap<>();
    /** Runs inside the connection listener, after the recording listener is installed. */
    Consumer<EngineSession> onConnection = s -> { };

    TestEngine() {
        this(EngineOptions.builder().build());
    }

    TestEngine(EngineOptions options) {
        server = new EngineServer(options, clock, session -> {
            RecordingListener l = new RecordingListener();
            listeners.put(session.id(), l);
            session.setListener(l);
            connected.add(session);
            onConnection.accept(session);
        });
    }

    static TestEngine with(Consumer<EngineOptions.Builder> config) {
        EngineOptions.Builder b = EngineOptions.builder();
        config.accept(b);
        return new TestEngine(b.build());
    }

    RecordingListener listener(String sid) {
        return listeners.get(sid);
    }

    EngineSession session(String sid) {
        return connected.stream().filter(s -> s.id().equals(sid)).findFirst().orElseThrow();
    }

    FakeHttpExchange http(FakeHttpExchange ex) {
        server.handleHttp(ex);
        return ex;
    }

    /** A polling handshake; returns the new sid. */
    String handshakePolling() {
        FakeHttpExchange ex = http(FakeHttpExchange.get("EIO=4&transport=polling&t=abc"));
        assertEquals(200, ex.status(), ex.bodyText());
        String body = ex.bodyText();
        return sidOf(body);
    }

    static String sidOf(String openPacket) {
        int i = openPacket.indexOf("\"sid\":\"") + 7;
        return openPacket.substring(i, openPacket.indexOf('"', i));
    }

    static String pollQuery(String sid) {
        return "EIO=4&transport=polling&sid=" + sid;
    }

    FakeHttpExchange get(String sid) {
        return http(FakeHttpExchange.get(pollQuery(sid)));
    }

    FakeHttpExchange post(String sid, String body) {
        return http(FakeHttpExchange.post(pollQuery(sid), body));
    }

    static RequestInfo wsRequest(String query) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            q.put(part.substring(0, eq), List.of(part.substring(eq + 1)));
        }
        return new RequestInfo(Map.of("upgrade", List.of("websocket"), "connection", List.of("Upgrade"), "sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="), "sec-websocket-version", List.of("13")), q,
                "127.0.0.1", false, "/engine.io/?" + query);
    }

    /** A WebSocket accepted as the container would: verifyUpgrade must pass, then the socket opens. */
    WebSocketHandler openWebSocket(String query, FakeWebSocketConnection conn) {
        RequestInfo req = wsRequest(query);
        HttpResponse refusal = server.verifyUpgrade(req);
        if (refusal != null) throw new AssertionError("upgrade refused: " + refusal.status() + " " + refusal.bodyText());
        return server.onWebSocketOpen(req, conn);
    }

    /** A WebSocket-first handshake. */
    WebSocketHandler handshakeWebSocket(FakeWebSocketConnection conn) {
        return openWebSocket("EIO=4&transport=websocket", conn);
    }

    /** A probe WebSocket for an existing polling session. */
    WebSocketHandler upgradeSocket(String sid, FakeWebSocketConnection conn) {
        return openWebSocket("EIO=4&transport=websocket&sid=" + sid, conn);
    }
}
