package dev.tidewire.demo;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.WebSocketConnection;
import dev.tidewire.internal.engine.WebSocketHandler;
import dev.tidewire.internal.parser.JsonReader;
import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.SocketIoServer;
import dev.tidewire.server.ValueBinder;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A real {@link EngineServer} + {@link SocketIoServer}, container-free: handlers run on the calling thread, timers
 * never fire, and each {@link Client} is a fake WebSocket that speaks the Socket.IO wire format.
 */
public final class SioHarness {
    /** Binds String parameters the way the JSON-B binder does; everything else passes through. */
    public static final ValueBinder BINDER = new ValueBinder() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T bind(Object value, Type type) {
            if (value != null && type == String.class) return (T) String.valueOf(value);
            return (T) value;
        }

        @Override
        public String toJson(Object value) {
            throw new UnsupportedOperationException("no JSON-B in unit tests: " + value);
        }
    };

    private static final Scheduler NEVER = new Scheduler() {
        @Override
        public Timer schedule(Runnable task, long delayMillis) {
            return () -> { };
        }

        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }
    };

    public final SocketIoServer io;
    private final EngineServer engine;

    /** Handlers run on the calling thread; String parameters bound as {@link #BINDER} does. */
    public SioHarness() {
        this(Runnable::run, BINDER);
    }

    public SioHarness(Executor handlerExecutor, ValueBinder binder) {
        this(NEVER, handlerExecutor, binder);
    }

    /** Timers on {@code scheduler} (a manual clock, say); handlers on the calling thread. */
    public SioHarness(Scheduler scheduler) {
        this(scheduler, Runnable::run, BINDER);
    }

    /** With these options; handlers on the calling thread, no timers. */
    public SioHarness(SocketIoOptions options) {
        this(options, NEVER, Runnable::run, BINDER);
    }

    private SioHarness(Scheduler scheduler, Executor handlerExecutor, ValueBinder binder) {
        this(SocketIoOptions.defaults(), scheduler, handlerExecutor, binder);
    }

    private SioHarness(SocketIoOptions options, Scheduler scheduler, Executor handlerExecutor, ValueBinder binder) {
        io = new SocketIoServer(options, scheduler, handlerExecutor, null, binder);
        engine = new EngineServer(io.options().engine(), scheduler, io);
    }

    /** The engine the clients connect through. */
    public EngineServer engine() {
        return engine;
    }

    /** Opens an Engine.IO session over HTTP long-polling (its handshake only) and returns its session id. */
    public String openPolling() {
        String open = poll("GET", Map.of(), null);
        assertNotNull(open, "no handshake answer");
        int at = open.indexOf("\"sid\":\"") + 7;
        return open.substring(at, open.indexOf('"', at));
    }

    /** Sends one polling POST of the session {@code engineSid}, e.g. {@code "40/chat,"}. */
    public void post(String engineSid, String body) {
        poll("POST", Map.of("sid", List.of(engineSid)), body);
    }

    /**
     * Upgrades the polling session {@code engineSid} to WebSocket (probe, then upgrade) and returns the client on the
     * new WebSocket, which speaks for the socket connected to {@code namespace} over polling.
     */
    public Client upgrade(String engineSid, String namespace) {
        Client c = new Client(namespace);
        Map<String, List<String>> query = Map.of("EIO", List.of("4"), "transport", List.of("websocket"),
                "sid", List.of(engineSid));
        RequestInfo req = new RequestInfo(Map.of(), query, "127.0.0.1", false,
                "/socket.io/?EIO=4&transport=websocket&sid=" + engineSid);
        c.handler = engine.onWebSocketOpen(req, c);
        c.handler.onText("2probe");
        c.handler.onText("5");
        return c;
    }

    /** One polling request; the body of its answer, or null while the answer is held (a GET with nothing to say). */
    private String poll(String method, Map<String, List<String>> extraQuery, String body) {
        Map<String, List<String>> query = new java.util.HashMap<>(extraQuery);
        query.put("EIO", List.of("4"));
        query.put("transport", List.of("polling"));
        RequestInfo req = new RequestInfo(Map.of(), query, "127.0.0.1", false, "/socket.io/?EIO=4&transport=polling");
        HttpResponse[] answer = new HttpResponse[1];
        engine.handleHttp(new HttpExchange() {
            public String method() {
                return method;
            }

            public RequestInfo request() {
                return req;
            }

            public void readBody(int limit, BodyCallback callback) {
                callback.onBody(body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            public void respond(HttpResponse response) {
                answer[0] = response;
            }

            public void abort() {
            }
        });
        return answer[0] == null ? null : new String(answer[0].body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new Engine.IO connection over WebSocket, connected to {@code namespace}. */
    public Client connect(String namespace) {
        Client c = open(namespace, null);
        assertNotNull(c.sid(), "no CONNECT reply");
        return c;
    }

    /**
     * A new Engine.IO connection over WebSocket that has sent its CONNECT to {@code namespace}, with the handshake
     * auth as JSON (or null), whether or not the server has answered it yet.
     */
    public Client open(String namespace, String authJson) {
        Client c = new Client(namespace);
        RequestInfo req = new RequestInfo(Map.of("upgrade", List.of("websocket"), "connection", List.of("Upgrade"), "sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="), "sec-websocket-version", List.of("13")),
                Map.of("EIO", List.of("4"), "transport", List.of("websocket")), "127.0.0.1", false,
                "/socket.io/?EIO=4&transport=websocket");
        if (engine.verifyUpgrade(req) != null) throw new AssertionError("upgrade refused");
        c.handler = engine.onWebSocketOpen(req, c);
        c.handler.onText("40" + namespace + "," + (authJson == null ? "" : authJson));
        return c;
    }

    /** One client: records the frames the server sends. */
    public static final class Client implements WebSocketConnection {
        private final String namespace;
        private final List<String> frames = new ArrayList<>();
        private WebSocketHandler handler;
        private int nextAck = 1;
        public volatile boolean closed;

        Client(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public synchronized void sendText(String text, SendCallback callback) {
            frames.add(text);
            callback.onComplete(null);
        }

        @Override
        public void sendBinary(byte[] data, SendCallback callback) {
            callback.onComplete(null);
        }

        @Override
        public void close(int code, String reason) {
            closed = true;
        }

        private String prefix(String type) {
            return "4" + type + namespace + ",";
        }

        /** The socket id from the CONNECT reply. */
        public String sid() {
            for (String f : snapshot()) {
                if (f.startsWith(prefix("0"))) return (String) ((Map<?, ?>) parse(f.substring(prefix("0").length()))).get("sid");
            }
            return null;
        }

        public void emit(String event, Object... args) {
            handler.onText(prefix("2") + JsonWriter.toJson(payload(event, args)));
        }

        /** Sends an EVENT packet without data ({@code 42<nsp>,}), which the reference's parser accepts. */
        public void emitWithoutData() {
            handler.onText(prefix("2"));
        }

        /** Emits {@code event} with one argument, {@code data} as a binary attachment. */
        public void emitBinary(String event, byte[] data) {
            handler.onText("451-" + namespace + "," + JsonWriter.toJson(
                    List.of(event, Map.of("_placeholder", true, "num", 0))));
            handler.onBinary(data);
        }

        /** Emits with an ack id and returns the first argument of the server's ack (handlers run synchronously). */
        public Object call(String event, Object... args) {
            int id = nextAck++;
            handler.onText(prefix("2") + id + JsonWriter.toJson(payload(event, args)));
            String ack = prefix("3") + id + "[";
            for (String f : snapshot()) {
                if (f.startsWith(ack)) return ((List<?>) parse(f.substring(ack.length() - 1))).get(0);
            }
            throw new AssertionError("no ack " + id + " for " + event + "; frames: " + snapshot());
        }

        /** The arguments of every {@code event} received so far, in order. */
        public List<List<Object>> arguments(String event) {
            List<List<Object>> out = new ArrayList<>();
            for (String f : snapshot()) {
                if (!f.startsWith(prefix("2"))) continue;
                List<?> data = (List<?>) parse(f.substring(prefix("2").length()));
                if (event.equals(data.get(0))) out.add(new ArrayList<>(data.subList(1, data.size())));
            }
            return out;
        }

        /** The names of the events received so far, in order. */
        public List<String> eventNames() {
            List<String> out = new ArrayList<>();
            for (String f : snapshot()) {
                if (f.startsWith(prefix("2"))) out.add((String) ((List<?>) parse(f.substring(prefix("2").length()))).get(0));
            }
            return out;
        }

        /** The CONNECT_ERROR's {@code message}, or null when the server sent none. */
        public Object connectError() {
            for (String f : snapshot()) {
                if (f.startsWith(prefix("4"))) return ((Map<?, ?>) parse(f.substring(prefix("4").length()))).get("message");
            }
            return null;
        }

        /** The first argument of every {@code event} received so far, in order. */
        public List<Object> received(String event) {
            List<Object> out = new ArrayList<>();
            for (String f : snapshot()) {
                if (!f.startsWith(prefix("2"))) continue;
                List<?> data = (List<?>) parse(f.substring(prefix("2").length()));
                if (event.equals(data.get(0))) out.add(data.size() > 1 ? data.get(1) : null);
            }
            return out;
        }

        /** Whether the server has disconnected this client from its namespace (sent it a DISCONNECT). */
        public boolean disconnectedByServer() {
            return snapshot().contains(prefix("1"));
        }

        /** The last {@code event} received, or null. */
        public Object last(String event) {
            List<Object> all = received(event);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        public synchronized void clear() {
            frames.clear();
        }

        /** The client goes away (the browser tab closes). */
        public void drop() {
            handler.onClose(1001);
        }

        private synchronized List<String> snapshot() {
            return List.copyOf(frames);
        }

        private static List<Object> payload(String event, Object[] args) {
            List<Object> p = new ArrayList<>();
            p.add(event);
            p.addAll(Arrays.asList(args));
            return p;
        }

        private static Object parse(String json) {
            try {
                return JsonReader.parse(json, 64);
            } catch (Exception e) {
                throw new AssertionError("bad JSON from the server: " + json, e);
            }
        }
    }
}
