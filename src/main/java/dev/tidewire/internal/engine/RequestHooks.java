package dev.tidewire.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The application's hooks into an {@link EngineServer}'s requests, as the reference's {@code io.engine} gives them:
 * refused requests ({@code connection_error}), headers added to responses ({@code initial_headers}, {@code headers}),
 * the session id generator ({@code generateId}) and a message sent after every open packet ({@code initialPacket}).
 * Each hook is one volatile field, {@code null} when unset, so an engine without hooks pays one volatile read per
 * request. A hook that throws is logged; the request is answered as without it (a throwing id generator refuses the
 * handshake, as the reference does).
 *
 * <p>The layer above owns the hooks of the engine it is the {@link ConnectionListener} of: it {@link #bind}s them to
 * itself, and an engine made with that listener finds them ({@link #of}). This keeps the hooks out of the listener's
 * public signature.
 */
public final class RequestHooks {
    private static final Logger LOG = System.getLogger("tidewire.engine");
    private static final Map<ConnectionListener, RequestHooks> BOUND =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Told of a refused request, after it was answered. */
    @FunctionalInterface
    public interface ErrorListener {
        void onError(EngineError error, String message, String method, RequestInfo request);
    }

    /** May add or change headers of a response; {@code initial}: the handshake's. */
    @FunctionalInterface
    public interface HeaderListener {
        void onHeaders(Map<String, String> headers, boolean initial, String method, RequestInfo request);
    }

    /** Makes the id of a new session; {@code null}, empty or an id in use refuses the handshake. */
    @FunctionalInterface
    public interface IdGenerator {
        String generate(RequestInfo request);
    }

    private volatile ErrorListener errorListener;
    private volatile HeaderListener headerListener;
    private volatile IdGenerator idGenerator;
    private volatile Packet initialPacket;

    /** The hooks of engines made with {@code owner} as their connection listener. */
    public static RequestHooks bind(ConnectionListener owner) {
        RequestHooks hooks = new RequestHooks();
        BOUND.put(owner, hooks);
        return hooks;
    }

    /** The hooks bound to {@code listener}, or new ones (that only {@link EngineServer#hooks()} reaches). */
    static RequestHooks of(ConnectionListener listener) {
        RequestHooks hooks = BOUND.get(listener);
        return hooks != null ? hooks : new RequestHooks();
    }

    public void errorListener(ErrorListener listener) {
        errorListener = listener;
    }

    public void headerListener(HeaderListener listener) {
        headerListener = listener;
    }

    /** {@code null}: the default generator ({@link SessionIds}). */
    public void idGenerator(IdGenerator generator) {
        idGenerator = generator;
    }

    /** A text message sent after the open packet of every session opened from now on; {@code null}: none. */
    public void initialPacket(String text) {
        initialPacket = text == null ? null : Packet.message(text);
    }

    /** A binary message sent after the open packet; copied. {@code null}: none. */
    public void initialPacket(byte[] data) {
        initialPacket = data == null ? null : Packet.binaryMessage(data.clone());
    }

    Packet initialPacket() {
        return initialPacket;
    }

    /** Whether no listener, generator or initial packet is set: a request runs no application code here. */
    public boolean isEmpty() {
        return errorListener == null && headerListener == null && idGenerator == null && initialPacket == null;
    }

    void refused(EngineError error, String message, String method, RequestInfo request) {
        ErrorListener l = errorListener;
        if (l == null) return;
        try {
            l.onError(error, message, method, request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connection_error listener failed", e);
        }
    }

    /** The headers to answer with: {@code base} itself when no listener is set, else what the listener made of it. */
    Map<String, String> headers(Map<String, String> base, boolean initial, String method, RequestInfo request) {
        HeaderListener l = headerListener;
        if (l == null) return base;
        Map<String, String> headers = new LinkedHashMap<>(base);
        try {
            l.onHeaders(headers, initial, method, request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "headers listener failed; answering without its headers", e);
            return base;
        }
        return headers;
    }

    /** A new session id, or {@code null} when the generator refuses (null, empty, or it threw). */
    String nextId(RequestInfo request) {
        IdGenerator g = idGenerator;
        if (g == null) return SessionIds.next();
        String id;
        try {
            id = g.generate(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "generateId failed; handshake refused", e);
            return null;
        }
        if (id == null || id.isEmpty()) {
            LOG.log(Level.WARNING, "generateId gave {0}; handshake refused", id == null ? "null" : "an empty id");
            return null;
        }
        return id;
    }
}
