package dev.tidewire.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Engine.IO server (v4, and v3 with {@link EngineOptions#allowEIO3()}): validates requests, performs handshakes
 * over polling and WebSocket, routes requests and sockets to their sessions. Container-free: adapters feed it
 * {@link HttpExchange}s and {@link WebSocketConnection}s.
 */
public final class EngineServer {
    private static final Logger LOG = System.getLogger("tidewire.engine");

    private final EngineOptions options;
    private final Scheduler scheduler;
    private final ConnectionListener connectionListener;
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final EngineCounters counters = new EngineCounters();
    private final RequestHooks hooks;
    private volatile boolean shutDown;

    /** The engine takes the {@link RequestHooks} bound to {@code connectionListener}, if any. */
    public EngineServer(EngineOptions options, Scheduler scheduler, ConnectionListener connectionListener) {
        this.options = options;
        this.scheduler = scheduler;
        this.connectionListener = connectionListener;
        this.hooks = RequestHooks.of(connectionListener);
    }

    /** The application's hooks into this engine's requests. */
    public RequestHooks hooks() {
        return hooks;
    }

    public EngineOptions options() {
        return options;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Figures since start, for monitoring. */
    public EngineCounters counters() {
        return counters;
    }

    /** The outbound bytes not yet written, over the sessions open now; read when asked. */
    public OutboundBacklog outboundBacklog() {
        return OutboundBacklog.of(sessions.values());
    }

    public int sessionCount() {
        return sessions.size();
    }

    public EngineSession session(String sid) {
        return sessions.get(sid);
    }

    public Collection<EngineSession> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    // ---------------------------------------------------------------- HTTP (polling and handshake)

    /** Answers one plain HTTP request (not a WebSocket upgrade) to the engine's path. */
    public void handleHttp(HttpExchange ex) {
        RequestInfo req = ex.request();
        Refusal malformed = malformedHeader(req);
        if (malformed != null) { // before CORS, so such a value is never reflected; Node's parser closes too
            refuse(ex, malformed.error(), malformed.message(), Map.of("Connection", "close"));
            return;
        }
        String method = ex.method();
        boolean preflight = "OPTIONS".equals(method) && options.cors() != null;
        Map<String, String> cors = Cors.headers(options.cors(), req, preflight);
        if (preflight) {
            ex.respond(HttpResponse.empty(204, cors));
            return;
        }
        Refusal refusal = verify(req, method, false);
        if (refusal != null) {
            logRejection(req, refusal);
            refuse(ex, refusal.error(), refusal.message(), cors);
            return;
        }
        String sid = req.queryParam("sid");
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session != null) {
                session.handlePolling(ex, hooks.headers(cors, false, method, req));
                return;
            }
            // closed between the check and now
            refuse(ex, EngineError.UNKNOWN_SID, EngineError.UNKNOWN_SID.message(), cors);
            return;
        }
        handshakePolling(ex, req, cors);
    }

    /**
     * Decides whether a WebSocket upgrade request may proceed, before the container answers 101.
     *
     * @return {@code null} to upgrade, or the HTTP refusal (the reference writes the message as text/html), after
     *     which the connection closes: the client asked for another protocol on it
     */
    public HttpResponse verifyUpgrade(RequestInfo req) {
        Refusal refusal = malformedHeader(req);
        if (refusal == null) refusal = badWebSocketHandshake(req);
        if (refusal == null) refusal = verify(req, "GET", true);
        if (refusal == null) return null;
        logRejection(req, refusal);
        hooks.refused(refusal.error(), refusal.message(), "GET", req);
        return HttpResponse.text(refusal.error().httpStatus(), "text/html", refusal.message(),
                Map.of("Connection", "close"));
    }

    /**
     * The headers the application's hooks add to the 101 answer of an upgrade {@link #verifyUpgrade} accepted (the
     * reference's {@code initial_headers} without a sid, and {@code headers}); empty without hooks.
     */
    public Map<String, String> upgradeHeaders(RequestInfo req) {
        return hooks.headers(Map.of(), req.queryParam("sid") == null, "GET", req);
    }

    /** Checked here, before any container sees the upgrade, so that every container gives the same answer. */
    private static Refusal badWebSocketHandshake(RequestInfo req) {
        return WebSocketHandshake.isValid(req.header("sec-websocket-key"), req.header("sec-websocket-version"))
                ? null : new Refusal(EngineError.BAD_REQUEST, "Bad WebSocket handshake");
    }

    private record Refusal(EngineError error, String message) {
        Refusal(EngineError error) {
            this(error, error.message());
        }
    }

    /** A header value with a control character, which Node's HTTP parser refuses with 400 before the reference. */
    private static Refusal malformedHeader(RequestInfo req) {
        String name = req.headerWithControlCharacter();
        if (name == null) return null;
        LOG.log(Level.DEBUG, "request rejected with code 3: control character in header {0}: {1} from {2}",
                name, req.url(), req.remoteAddress());
        return new Refusal(EngineError.BAD_REQUEST);
    }

    /** The reference's checks, in its order: transport, origin, then the session or the handshake rules. */
    private Refusal verify(RequestInfo req, String method, boolean upgrade) {
        if (shutDown) return new Refusal(EngineError.BAD_REQUEST);
        String transport = req.queryParam("transport");
        if (transport == null || !options.allows(transport)) return new Refusal(EngineError.UNKNOWN_TRANSPORT);
        boolean websocket = transport.equals(EngineOptions.WEBSOCKET);
        String sid = req.queryParam("sid");
        EngineProtocol protocol = EngineProtocol.requestedBy(req);
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) return new Refusal(EngineError.UNKNOWN_SID);
            // a polling request must say polling; a WebSocket for a sid is an upgrade
            if (upgrade != websocket) return new Refusal(EngineError.BAD_REQUEST);
            // as the reference: every request of a session speaks the revision of its handshake
            if (session.protocol() == protocol) return null;
            LOG.log(Level.DEBUG, "session {0}: request of protocol v{1} refused, the session speaks v{2}", sid,
                    protocol.revision(), session.protocol().revision());
            return new Refusal(EngineError.BAD_REQUEST);
        }
        if (!"GET".equals(method)) return new Refusal(EngineError.BAD_HANDSHAKE_METHOD);
        if (upgrade != websocket) return new Refusal(EngineError.BAD_REQUEST); // websocket without Upgrade
        String denied = options.allowRequest().check(req);
        if (denied != null) {
            return new Refusal(EngineError.FORBIDDEN, denied.isEmpty() ? EngineError.FORBIDDEN.message() : denied);
        }
        if (protocol == EngineProtocol.V3 && !options.allowEIO3()) {
            return new Refusal(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
        }
        return null;
    }

    private static void logRejection(RequestInfo req, Refusal refusal) {
        LOG.log(Level.DEBUG, "request rejected with code {0} ({1}): {2} from {3}",
                refusal.error().code(), refusal.message(), req.url(), req.remoteAddress());
    }

    private void handshakePolling(HttpExchange ex, RequestInfo req, Map<String, String> cors) {
        EngineSession session = newSession(req, null);
        if (session == null) {
            refuse(ex, EngineError.BAD_REQUEST, EngineError.BAD_REQUEST.message(), cors);
            return;
        }
        List<String> upgrades = options.allowUpgrades() && options.allows(EngineOptions.WEBSOCKET)
                ? List.of(EngineOptions.WEBSOCKET) : List.of();
        Map<String, String> headers = new LinkedHashMap<>(cors);
        if (options.cookie() != null) headers.put("Set-Cookie", options.cookie().headerValue(session.id()));
        headers = hooks.headers(headers, true, ex.method(), req);
        connectionListener.onConnection(session);
        List<Packet> first = firstPackets(session, upgrades);
        counters.sent(first);
        ex.respond(pollResponse(first, session.payloadCodec(), req, headers));
        session.start();
    }

    /** The open packet, then the application's initial packet if it set one. */
    private List<Packet> firstPackets(EngineSession session, List<String> upgrades) {
        Packet open = session.protocol().openPacket(session.id(), upgrades, options);
        Packet initial = hooks.initialPacket();
        return initial == null ? List.of(open) : List.of(open, initial);
    }

    /** Answers with an engine error and tells the application's {@code connection_error} hook. */
    void refuse(HttpExchange ex, EngineError error, String message, Map<String, String> headers) {
        ex.respond(HttpResponse.error(error, message, headers));
        hooks.refused(error, message, ex.method(), ex.request());
    }

    // ---------------------------------------------------------------- WebSocket

    /** A WebSocket accepted after {@link #verifyUpgrade}: a new session, or an upgrade of a polling one. */
    public WebSocketHandler onWebSocketOpen(RequestInfo req, WebSocketConnection conn) {
        String sid = req.queryParam("sid");
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                conn.close(1008, EngineError.UNKNOWN_SID.message());
                hooks.refused(EngineError.UNKNOWN_SID, EngineError.UNKNOWN_SID.message(), "GET", req);
                return WebSocketHandler.IGNORE;
            }
            return session.beginUpgrade(conn, session.protocol().webSocketFrames(req));
        }
        EngineSession session = newSession(req, conn);
        if (session == null) { // the id generator refused: past the 101, the socket is closed
            conn.close(1011, EngineError.BAD_REQUEST.message());
            hooks.refused(EngineError.BAD_REQUEST, EngineError.BAD_REQUEST.message(), "GET", req);
            return WebSocketHandler.IGNORE;
        }
        session.queueOpen(firstPackets(session, List.of())); // before anything sent on connection
        connectionListener.onConnection(session);
        session.start();
        return session.mainSocketHandler(conn);
    }

    /** A new session under a new id, or {@code null} when the id generator gave none or an id in use. */
    private EngineSession newSession(RequestInfo req, WebSocketConnection conn) {
        String id = hooks.nextId(req);
        if (id == null) return null;
        EngineProtocol protocol = EngineProtocol.requestedBy(req);
        EngineSession session = new EngineSession(id, this, req, protocol, conn);
        if (sessions.putIfAbsent(id, session) != null) {
            LOG.log(Level.WARNING, "generateId gave {0}, the id of a session still open; handshake refused", id);
            return null;
        }
        counters.handshake();
        LOG.log(Level.DEBUG, "session {0} opened over {1} from {2} (protocol v{3})", id,
                conn == null ? EngineOptions.POLLING : EngineOptions.WEBSOCKET, req.remoteAddress(),
                protocol.revision());
        return session;
    }

    /**
     * A poll answer: never cached; in the client's preferred coding among gzip and deflate
     * ({@link ContentCoding#negotiate}, q-values honoured) when one of its packets may be compressed and the body
     * reaches {@code httpCompressionThreshold}, as the reference's polling transport decides.
     */
    HttpResponse pollResponse(List<Packet> packets, PayloadCodec codec, RequestInfo req,
                              Map<String, String> extraHeaders) {
        PayloadCodec.PollBody payload = codec.encode(packets);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Cache-Control", "no-store");
        byte[] body = payload.bytes();
        if (body.length >= options.httpCompressionThreshold() && Packet.anyCompressible(packets)) {
            ContentCoding coding = ContentCoding.negotiate(req.header("accept-encoding"));
            if (coding != ContentCoding.IDENTITY) {
                body = coding.encode(body);
                headers.put("Content-Encoding", coding.token());
            }
        }
        return new HttpResponse(200, payload.contentType(), body, headers);
    }

    void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    /** Closes every session ("server shutting down"); new requests are refused from now on. */
    public void shutdown() {
        shutDown = true;
        for (EngineSession s : new ArrayList<>(sessions.values())) s.close(CloseReason.SERVER_SHUTTING_DOWN);
    }
}
