package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.WebSocketHandler;

import java.lang.reflect.Type;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The real {@link EngineServer} and {@link SocketIoServer} wired together on a manual clock, with clients that speak
 * the wire protocol over {@link FakeWebSocket}s. Handlers run on a direct executor unless another is given.
 */
final class SioTestServer {
    final ManualScheduler clock = new ManualScheduler();
    final SocketIoOptions options;
    final SocketIoServer io;
    final EngineServer engine;

    SioTestServer() {
        this(SocketIoOptions.defaults());
    }

    SioTestServer(SocketIoOptions options) {
        this(options, Runnable::run);
    }

    SioTestServer(SocketIoOptions options, Executor handlerExecutor) {
        this.options = options;
        this.io = new SocketIoServer(options, clock, handlerExecutor, UnaryOperator.identity(), new SimpleBinder());
        this.engine = new EngineServer(options.engine(), clock, io);
    }

    /** Opens a WebSocket-first Engine.IO session; the open packet has been received. */
    Peer connect() {
        return connect(Map.of(), Map.of());
    }

    Peer connect(Map<String, String> headers, Map<String, String> extraQuery) {
        return connect(headers, extraQuery, null);
    }

    /** Opens a session whose request the container authenticated as {@code userName}. */
    Peer connectAs(String userName) {
        return connect(Map.of(), Map.of(), new UserPrincipal(userName));
    }

    Peer connect(Map<String, String> headers, Map<String, String> extraQuery, Principal principal) {
        return connect("4", headers, extraQuery, principal, false);
    }

    /** @param secure whether the first request came over TLS, as the container would say */
    Peer connect(Map<String, String> headers, Map<String, String> extraQuery, Principal principal, boolean secure) {
        return connect("4", headers, extraQuery, principal, secure);
    }

    /** Opens a WebSocket-first session of a Socket.IO v2 client (EIO 3); the engine must allow EIO 3. */
    Peer connectEio3(Map<String, String> extraQuery) {
        return connect("3", Map.of(), extraQuery, null, false);
    }

    private Peer connect(String eio, Map<String, String> headers, Map<String, String> extraQuery, Principal principal,
                         boolean secure) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(), List.of(v)));
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("EIO", List.of(eio));
        q.put("transport", List.of("websocket"));
        extraQuery.forEach((k, v) -> q.put(k, List.of(v)));
        StringBuilder url = new StringBuilder("/socket.io/?EIO=" + eio + "&transport=websocket");
        extraQuery.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
        RequestInfo req = new RequestInfo(h, q, "127.0.0.1", secure, url.toString(), principal);
        FakeWebSocket ws = new FakeWebSocket();
        WebSocketHandler handler = engine.onWebSocketOpen(req, ws);
        Peer c = new Peer(ws, handler);
        assertTrue(c.texts().get(0).startsWith("0{\"sid\":\""), "open packet first: " + c.texts());
        return c;
    }

    /** A client speaking Socket.IO over one fake WebSocket. Frames are raw Engine.IO frames ({@code "42[...]"}). */
    static final class Peer {
        final FakeWebSocket ws;
        final WebSocketHandler handler;
        final String engineSid;

        Peer(FakeWebSocket ws, WebSocketHandler handler) {
            this.ws = ws;
            this.handler = handler;
            String open = (String) ws.frames().get(0);
            String prefix = "0{\"sid\":\"";
            this.engineSid = open.substring(prefix.length(), open.indexOf('"', prefix.length()));
            assertTrue(!engineSid.isEmpty(), "an open packet with a sid: " + open);
        }

        /** Sends one text frame as is, e.g. {@code "40"} or {@code "42[\"x\"]"}. */
        Peer send(String frame) {
            handler.onText(frame);
            return this;
        }

        Peer sendBinary(byte[] data) {
            handler.onBinary(data);
            return this;
        }

        /** Sends {@code 40[/nsp,]} and returns the Socket.IO sid of the CONNECT reply. */
        String connectTo(String nsp) {
            return connectTo(nsp, null);
        }

        String connectTo(String nsp, String authJson) {
            int mark = mark();
            String prefix = "/".equals(nsp) ? "40" : "40" + nsp + ",";
            send(authJson == null ? prefix : prefix + authJson);
            List<String> replies = textsSince(mark);
            String expected = prefix + "{\"sid\":\"";
            assertTrue(!replies.isEmpty() && replies.get(0).startsWith(expected),
                    "CONNECT reply for " + nsp + ": " + replies);
            String r = replies.get(0);
            assertTrue(r.endsWith("\"}"), r);
            return r.substring(expected.length(), r.length() - 2);
        }

        /** The client closes the WebSocket. */
        void closeTransport() {
            handler.onClose(1000);
        }

        /** The text frames received so far, the open packet included. */
        List<String> texts() {
            List<String> out = new ArrayList<>();
            for (Object f : ws.frames()) if (f instanceof String s) out.add(s);
            return out;
        }

        /** A position in the frame log, for {@link #textsSince}/{@link #framesSince}. */
        int mark() {
            return ws.frameCount();
        }

        List<Object> framesSince(int mark) {
            List<Object> all = ws.frames();
            return all.subList(mark, all.size());
        }

        List<String> textsSince(int mark) {
            List<String> out = new ArrayList<>();
            for (Object f : framesSince(mark)) if (f instanceof String s) out.add(s);
            return out;
        }

        /** The Engine.IO messages (Socket.IO packets with the leading {@code 4}), without pings and the open packet. */
        List<String> messages() {
            return texts().stream().filter(t -> t.startsWith("4")).toList();
        }

        String lastText() {
            List<String> t = texts();
            return t.get(t.size() - 1);
        }

        Object lastFrame() {
            List<Object> f = ws.frames();
            return f.get(f.size() - 1);
        }

        boolean isClosed() {
            return ws.isClosed();
        }

        void assertNothingSince(int mark) {
            assertEquals(List.of(), framesSince(mark));
        }
    }

    /** A principal that is its name, as containers' principals are. */
    record UserPrincipal(String getName) implements Principal {
    }

    /** Binds by casting (numbers converted), and writes unknown values as their quoted {@code toString()}. */
    static final class SimpleBinder implements ValueBinder {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T bind(Object jsonValue, Type type) {
            if (type == Integer.class && jsonValue instanceof Number n) return (T) Integer.valueOf(n.intValue());
            return (T) ((Class<?>) type).cast(jsonValue);
        }

        @Override
        public String toJson(Object value) {
            return "\"" + value + "\"";
        }
    }

    /** The sockets a {@code fetchSockets} found; the in-memory adapter answers at once. */
    static List<RemoteSocket> fetched(CompletionStage<List<RemoteSocket>> sockets) {
        return sockets.toCompletableFuture().join();
    }
}
