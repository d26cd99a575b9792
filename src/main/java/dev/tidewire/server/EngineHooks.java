package dev.tidewire.server;

import dev.tidewire.internal.engine.RequestHooks;
import dev.tidewire.internal.engine.RequestInfo;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Engine.IO server under a {@link SocketIoServer} ({@code io.engine()}), as far as the reference's {@code io.engine}
 * lets an application into it: refused requests, response headers, session ids, and a message after the open packet.
 * Hooks run on the thread of the request (a container I/O thread): they must be short and never block. A listener that
 * throws is logged and the others still run; the request is answered as without it. Without hooks the engine pays one
 * volatile read per request.
 */
public final class EngineHooks {
    private static final Logger LOG = System.getLogger("tidewire.engine");

    private final RequestHooks hooks;
    private final List<Consumer<ConnectionError>> errorListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Map<String, String>, Request>> initialHeaderListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Map<String, String>, Request>> headerListeners = new CopyOnWriteArrayList<>();

    EngineHooks(RequestHooks hooks) {
        this.hooks = hooks;
    }

    /**
     * The Engine.IO request as a hook sees it.
     *
     * @param url           the path and query of the request
     * @param remoteAddress the peer's address, as the container gives it
     * @param headers       every header, names in lower case
     */
    public record Request(String method, String url, String remoteAddress, Map<String, List<String>> headers) {
        public Request {
            headers = Map.copyOf(headers);
        }

        static Request of(String method, RequestInfo info) {
            return new Request(method, info.url(), info.remoteAddress(), info.headers());
        }

        /** The first value of a header (name in any case), or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A request the engine refused (the reference's {@code connection_error}).
     *
     * @param code    0 unknown transport, 1 unknown session id, 2 bad handshake method, 3 bad request, 4 forbidden (by
     *                {@link AllowRequest}), 5 unsupported protocol version
     * @param message the message sent to the client: the code's, or the refusal of {@link AllowRequest}
     */
    public record ConnectionError(int code, String message, Request request) {
    }

    /**
     * Tells {@code listener} of every request the engine refuses, once it is answered: a bad handshake or request,
     * an unknown session id or transport, a handshake {@link AllowRequest} forbids, an unsupported protocol version
     * (the reference's {@code io.engine.on("connection_error", ...)}).
     */
    public EngineHooks onConnectionError(Consumer<ConnectionError> listener) {
        errorListeners.add(Objects.requireNonNull(listener));
        hooks.errorListener(this::refused);
        return this;
    }

    /**
     * Lets {@code listener} add headers to the answer of each handshake (the reference's {@code initial_headers}): the
     * polling handshake's response, and the 101 answer of a WebSocket opened without a session. The map holds the
     * headers set so far (CORS, the cookie); what the listener puts in it is sent.
     */
    public EngineHooks onInitialHeaders(BiConsumer<Map<String, String>, Request> listener) {
        initialHeaderListeners.add(Objects.requireNonNull(listener));
        hooks.headerListener(this::headers);
        return this;
    }

    /**
     * Lets {@code listener} add headers to every Engine.IO HTTP answer (the reference's {@code headers}): the handshake
     * (after the {@link #onInitialHeaders} listeners), each polling request of a session, and the 101 answer of each
     * WebSocket. Requests the engine refuses before they reach a session are answered without them, as in the
     * reference.
     */
    public EngineHooks onHeaders(BiConsumer<Map<String, String>, Request> listener) {
        headerListeners.add(Objects.requireNonNull(listener));
        hooks.headerListener(this::headers);
        return this;
    }

    /**
     * Makes the Engine.IO session ids (the reference's {@code generateId}) from the handshake request; {@code null}
     * restores the default (120 random bits, URL-safe base64). An id must be unique among open sessions: a {@code null}
     * or empty id, one still in use, or a generator that throws refuses the handshake (error 3, "Bad request"; a
     * WebSocket opened without a session is closed with 1011), with a log line. Keep ids URL-safe: clients send them
     * back in the query string.
     */
    public EngineHooks generateId(Function<Request, String> generator) {
        hooks.idGenerator(generator == null ? null : info -> generator.apply(Request.of("GET", info)));
        return this;
    }

    /**
     * A text message the engine sends right after the open packet of every session opened from now on, before any
     * Socket.IO packet (the reference's {@code initialPacket} option); {@code null} for none, the default. Socket.IO
     * clients read it as a Socket.IO packet, so it must be one they accept (or the client must be a plain Engine.IO one).
     */
    public EngineHooks initialPacket(String text) {
        hooks.initialPacket(text);
        return this;
    }

    /** As {@link #initialPacket(String)}, a binary message (the array is copied); {@code null} for none. */
    public EngineHooks initialPacket(byte[] data) {
        hooks.initialPacket(data);
        return this;
    }

    private void refused(dev.tidewire.internal.engine.EngineError error, String message, String method,
                         RequestInfo info) {
        if (errorListeners.isEmpty()) return;
        ConnectionError e = new ConnectionError(error.code(), message, Request.of(method, info));
        for (Consumer<ConnectionError> l : errorListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "connection_error listener failed", failure);
            }
        }
    }

    private void headers(Map<String, String> headers, boolean initial, String method, RequestInfo info) {
        // with only initial-headers listeners, a poll or an upgrade of a session builds no Request
        if (headerListeners.isEmpty() && (!initial || initialHeaderListeners.isEmpty())) return;
        Request request = Request.of(method, info);
        if (initial) callHeaderListeners(initialHeaderListeners, headers, request);
        callHeaderListeners(headerListeners, headers, request);
    }

    private static void callHeaderListeners(List<BiConsumer<Map<String, String>, Request>> listeners,
                                            Map<String, String> headers, Request request) {
        for (BiConsumer<Map<String, String>, Request> l : listeners) {
            try {
                l.accept(headers, request);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "headers listener failed", failure);
            }
        }
    }
}
