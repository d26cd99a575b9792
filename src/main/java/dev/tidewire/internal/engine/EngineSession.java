package dev.tidewire.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One Engine.IO session: transport (polling, then maybe WebSocket), heartbeat, upgrade, and the bounded outbound
 * queue. All state changes happen under this object's monitor; I/O and listener calls happen after it is released.
 * What differs between protocol revisions (payloads, frames, heartbeat) is delegated to the collaborators its
 * {@link EngineProtocol} chose at the handshake.
 */
public final class EngineSession {
    private static final Logger LOG = System.getLogger("tidewire.engine");
    private static final Logger POLLING_LOG = System.getLogger("tidewire.engine.polling");
    private static final Logger WS_LOG = System.getLogger("tidewire.engine.websocket");
    private static final int MAX_PACKETS_PER_POST = 10_000;

    /** The reference's {@code readyState}, less {@code opening}: a session is open once anyone can see it. */
    public enum State { OPEN, CLOSING, CLOSED }

    enum Upgrade { NONE, AWAITING_PROBE, PROBED, DONE }

    private final String id;
    private final EngineServer server;
    private final EngineCounters counters;
    private final EngineOptions options;
    private final Scheduler scheduler;
    private final RequestInfo request;
    private final EngineProtocol protocol;
    private final PayloadCodec payloadCodec;
    private final Heartbeat heartbeat;
    private volatile SessionListener listener = SessionListener.NONE;
    /** Null unless the application watches this session's packets: the one volatile read each packet pays. */
    private volatile SessionObserver observer;
    private volatile Object attachment;

    private State state = State.OPEN;
    private final OutboundQueue queue;
    private CloseReason closeReason;
    private String closeDescription;

    // the observer's notices, queued under the lock and told in that order after it is released, by one thread at a
    // time: a packet's creation is never told after its flush, whichever threads send and write
    private ArrayDeque<Consumer<SessionObserver>> notices;
    private boolean telling;

    // polling
    private HttpExchange pendingGet;
    private Map<String, String> pendingGetHeaders;
    private boolean postInProgress;
    /** The POST whose body is being read, aborted if the session closes first (a slow or stalled upload). */
    private HttpExchange pendingPost;

    // websocket (main transport once upgraded, or from the start)
    private WebSocketConnection ws;
    private WebSocketFrames wsFrames;
    private int wsInFlight;      // frames handed to the container, not yet written
    private boolean wsPumping;   // one thread at a time hands frames over, so they keep the queue's order

    // upgrade
    private Upgrade upgrade = Upgrade.NONE;
    private WebSocketConnection probe;

    /** How long a poll made while probed waits for a packet before a noop releases it (the reference's check). */
    static final long PROBED_NOOP_MILLIS = 100;
    private Scheduler.Timer upgradeTimer;
    private Scheduler.Timer closeTimer;

    EngineSession(String id, EngineServer server, RequestInfo request, EngineProtocol protocol,
                  WebSocketConnection webSocket) {
        this.id = id;
        this.server = server;
        this.counters = server.counters();
        this.options = server.options();
        this.scheduler = server.scheduler();
        this.request = request;
        this.protocol = protocol;
        this.payloadCodec = protocol.payloadCodec(request);
        this.queue = new OutboundQueue(options.maxOutboundPackets(), options.maxOutboundBytes());
        this.ws = webSocket;
        this.wsFrames = webSocket == null ? null : protocol.webSocketFrames(request);
        this.heartbeat = protocol.heartbeat().create(scheduler, options, new HeartbeatPeer() {
            public void sendHeartbeat(Packet packet) {
                send(List.of(packet), false);
            }

            public void heartbeatTimedOut() {
                LOG.log(Level.DEBUG, "session {0}: ping timeout", id);
                close(CloseReason.PING_TIMEOUT);
            }
        });
    }

    public String id() {
        return id;
    }

    public RequestInfo request() {
        return request;
    }

    /** The Engine.IO revision this session speaks, fixed at its handshake. */
    public EngineProtocol protocol() {
        return protocol;
    }

    PayloadCodec payloadCodec() {
        return payloadCodec;
    }

    /** The transport in use: {@code polling} or {@code websocket}. */
    public synchronized String transport() {
        return ws != null ? EngineOptions.WEBSOCKET : EngineOptions.POLLING;
    }

    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    public void setListener(SessionListener listener) {
        this.listener = listener == null ? SessionListener.NONE : listener;
    }

    /** Installs the observer of this session's packets, or removes it ({@code null}). */
    public void observe(SessionObserver observer) {
        this.observer = observer;
    }

    /** Whether an observer is installed. */
    public boolean isObserved() {
        return observer != null;
    }

    public synchronized State state() {
        return state;
    }

    /** Whether the session switched from polling to WebSocket (never, for a session opened over WebSocket). */
    public synchronized boolean upgraded() {
        return upgrade == Upgrade.DONE;
    }

    /** Whether a probe socket is open and the upgrade neither done nor given up yet. */
    public synchronized boolean upgrading() {
        return upgrade == Upgrade.AWAITING_PROBE || upgrade == Upgrade.PROBED;
    }

    /** What went wrong, in a few words, when the session closed for an error; otherwise (or while open) null. */
    public synchronized String closeDescription() {
        return closeDescription;
    }

    /** A slot for the layer above (the Socket.IO client object). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        attachment = value;
    }

    synchronized int queuedPackets() {
        return queue.size();
    }

    /** Outbound bytes not yet written: queued, or handed to the WebSocket and not yet reported sent. */
    public synchronized long unwrittenBytes() {
        return queue.unwrittenBytes();
    }

    // ---------------------------------------------------------------- sending

    /** Queues a text message. @return false if the session is closed or closing */
    public boolean sendMessage(String text) {
        return send(List.of(Packet.message(text)), false);
    }

    /** Queues a binary message; the array is not copied. */
    public boolean sendBinary(byte[] data) {
        return send(List.of(Packet.binaryMessage(data)), false);
    }

    /**
     * Queues packets atomically, in order. A volatile batch is dropped (returning false) unless the transport can
     * write it at once. When a batch would exceed the outbound bounds the session is closed: a client that does not
     * read must not grow the heap.
     */
    public boolean send(List<Packet> packets, boolean isVolatile) {
        Effects fx = new Effects();
        boolean queued;
        synchronized (this) {
            queued = enqueueLocked(packets, isVolatile, fx);
        }
        fx.run();
        if (queued) pumpWebSocket();
        return queued;
    }

    private boolean enqueueLocked(List<Packet> packets, boolean isVolatile, Effects fx) {
        if (state != State.OPEN) return false;
        if (isVolatile && !writableNowLocked()) return false;
        if (!queue.offer(packets)) {
            if (isVolatile) return false; // dropping a volatile batch is enough: it never closes the session
            LOG.log(Level.WARNING, "session {0}: outbound queue full ({1} packets, {2} bytes); closing",
                    id, queue.size(), queue.bytes());
            closeLocked(CloseReason.OUTBOUND_QUEUE_FULL,
                    "outbound queue full (" + queue.size() + " packets, " + queue.bytes() + " bytes)", fx);
            return false;
        }
        if (observer != null) {
            noticeLocked(o -> o.created(packets));
            fx.add(this::tellObserver);
        }
        flushPollingLocked(fx);
        return true;
    }

    private boolean writableNowLocked() {
        if (!queue.isEmpty()) return false;
        return ws != null ? wsInFlight == 0 : pendingGet != null;
    }

    // ---------------------------------------------------------------- polling

    void handlePolling(HttpExchange ex, Map<String, String> cors) {
        Effects fx = new Effects();
        synchronized (this) {
            handlePollingLocked(ex, cors, fx);
        }
        fx.run();
    }

    private void handlePollingLocked(HttpExchange ex, Map<String, String> cors, Effects fx) {
        if (state == State.CLOSED) {
            fx.add(() -> refuse(ex, EngineError.UNKNOWN_SID, cors));
            return;
        }
        if (ws != null) { // WebSocket-first or upgraded: polling is over for this session
            POLLING_LOG.log(Level.DEBUG, "session {0}: polling request after upgrade rejected", id);
            fx.add(() -> refuse(ex, EngineError.BAD_REQUEST, cors));
            return;
        }
        switch (ex.method()) {
            case "GET" -> onPollLocked(ex, cors, fx);
            case "POST" -> onPostLocked(ex, cors, fx);
            default -> fx.add(() -> ex.respond(HttpResponse.empty(500, cors)));
        }
    }

    private void refuse(HttpExchange ex, EngineError error, Map<String, String> headers) {
        server.refuse(ex, error, error.message(), headers);
    }

    private void onPollLocked(HttpExchange ex, Map<String, String> cors, Effects fx) {
        if (pendingGet != null) {
            POLLING_LOG.log(Level.WARNING, "session {0}: overlapping GET requests; closing", id);
            fx.add(() -> ex.respond(HttpResponse.empty(400, cors)));
            closeLocked(CloseReason.TRANSPORT_ERROR, "overlapping GET requests", fx);
            return;
        }
        pendingGet = ex;
        pendingGetHeaders = cors;
        if (state == State.CLOSING) {
            flushPollingLocked(fx);
        } else if (upgrade == Upgrade.PROBED) {
            onPollWhileProbedLocked(ex, fx);
        } else {
            flushPollingLocked(fx);
        }
    }

    /**
     * As the reference: while the client has not switched, a poll carries what is queued, heartbeat pings
     * included, and is otherwise released with a noop after {@link #PROBED_NOOP_MILLIS} so that the client can
     * switch. A client that never sends {@code 5} keeps its session over polling until the upgrade times out.
     */
    private void onPollWhileProbedLocked(HttpExchange ex, Effects fx) {
        if (!queue.isEmpty()) {
            answerPollWithQueueLocked(fx);
            return;
        }
        scheduler.schedule(() -> {
            Effects later = new Effects();
            synchronized (this) {
                if (pendingGet == ex && upgrade == Upgrade.PROBED) answerPollLocked(List.of(Packet.NOOP), later);
            }
            later.run();
        }, PROBED_NOOP_MILLIS);
    }

    private void onPostLocked(HttpExchange ex, Map<String, String> cors, Effects fx) {
        if (postInProgress) {
            POLLING_LOG.log(Level.WARNING, "session {0}: overlapping POST requests; closing", id);
            fx.add(() -> ex.respond(HttpResponse.empty(400, cors)));
            closeLocked(CloseReason.TRANSPORT_ERROR, "overlapping POST requests", fx);
            return;
        }
        String contentType = ex.request().header("content-type");
        boolean binaryBody = contentType != null && contentType.toLowerCase().startsWith(PayloadCodecV3.OCTET_STREAM);
        if (binaryBody && !payloadCodec.acceptsBinaryBody()) {
            POLLING_LOG.log(Level.WARNING, "session {0}: binary POST body is not valid here (protocol v{1}); closing",
                    id, protocol.revision());
            fx.add(() -> ex.respond(HttpResponse.empty(400, cors)));
            closeLocked(CloseReason.TRANSPORT_ERROR, "binary POST body", fx);
            return;
        }
        postInProgress = true;
        pendingPost = ex;
        fx.add(() -> ex.readBody(options.maxHttpBufferSize(), new HttpExchange.BodyCallback() {
            public void onBody(byte[] body) {
                synchronized (EngineSession.this) {
                    if (pendingPost == ex) pendingPost = null;
                }
                onPostBody(ex, cors, body, binaryBody);
            }

            public void onTooLarge() {
                synchronized (EngineSession.this) {
                    postInProgress = false;
                    if (pendingPost == ex) pendingPost = null;
                }
                POLLING_LOG.log(Level.INFO, "session {0}: POST body over maxHttpBufferSize ({1}) rejected",
                        id, options.maxHttpBufferSize());
                // the rest of a body far over the limit stays unread, so the connection cannot carry another
                // request: say so, or a client reusing it fails its next request (seen with Payara and the JDK's
                // HttpClient)
                ex.respond(HttpResponse.empty(413, cors).withHeader("Connection", "close"));
            }

            public void onError(Throwable error) {
                POLLING_LOG.log(Level.DEBUG, "session {0}: reading POST body failed: {1}", id, error.toString());
                ex.respond(HttpResponse.empty(400, cors));
                Effects fx2 = new Effects();
                synchronized (EngineSession.this) {
                    postInProgress = false;
                    if (pendingPost == ex) pendingPost = null;
                    closeLocked(CloseReason.TRANSPORT_ERROR, "reading the POST body failed: " + error, fx2);
                }
                fx2.run();
            }
        }));
    }

    /**
     * Delivers the POST's packets, then answers it, as the reference does: the client sends its next POST once this
     * one is answered, so packets reach the listener in the order the client sent them, across POSTs.
     */
    private void onPostBody(HttpExchange ex, Map<String, String> cors, byte[] body, boolean binaryBody) {
        try {
            deliverPostedPackets(body, binaryBody);
        } finally {
            synchronized (this) {
                postInProgress = false;
            }
            ex.respond(HttpResponse.text(200, "text/html", "ok", cors));
        }
    }

    private void deliverPostedPackets(byte[] body, boolean binaryBody) {
        // as the reference: packets before a malformed record are delivered, then the session closes
        Payload.Decoded decoded = payloadCodec.decode(body, binaryBody, MAX_PACKETS_PER_POST);
        for (Packet p : decoded.packets()) {
            if (!onPacket(p, false)) return;
        }
        if (decoded.error() != null) {
            POLLING_LOG.log(Level.WARNING, "session {0}: malformed payload ({1}); closing", id, decoded.error());
            close(CloseReason.PARSE_ERROR, String.valueOf(decoded.error()));
        }
    }

    private void flushPollingLocked(Effects fx) {
        if (pendingGet == null || ws != null) return;
        if (state == State.CLOSING) {
            // as the reference: queued packets drain first, the close packet follows in the next poll.
            // socket.io-client acts on a payload's close at once but dispatches its messages on nextTick, so a
            // final DISCONNECT or event sharing the payload with the close would be lost behind "transport close"
            if (!queue.isEmpty()) {
                answerPollWithQueueLocked(fx);
                return;
            }
            answerPollLocked(List.of(Packet.CLOSE), fx);
            finishCloseLocked(fx);
            return;
        }
        if (queue.isEmpty()) return;
        answerPollWithQueueLocked(fx);
    }

    /** Answers the pending poll with everything queued: the reference's flush, then drain (noop and close are not). */
    private void answerPollWithQueueLocked(Effects fx) {
        List<Packet> packets = queue.drain();
        if (observer != null) {
            noticeLocked(o -> o.flushed(packets));
            noticeLocked(SessionObserver::drained);
            fx.add(this::tellObserver);
        }
        answerPollLocked(packets, fx);
    }

    private void answerPollLocked(List<Packet> packets, Effects fx) {
        HttpExchange ex = pendingGet;
        Map<String, String> headers = pendingGetHeaders;
        pendingGet = null;
        pendingGetHeaders = null;
        counters.sent(packets);
        fx.add(() -> ex.respond(server.pollResponse(packets, payloadCodec, ex.request(), headers)));
    }

    // ---------------------------------------------------------------- websocket

    /**
     * Hands queued packets to the WebSocket, up to the container's window of frames in flight. One thread pumps at a
     * time; it re-checks the queue under the lock before it stops, so a packet queued meanwhile is never left behind.
     * Never holds the lock while calling the container.
     */
    private void pumpWebSocket() {
        synchronized (this) {
            if (wsPumping || ws == null || state == State.CLOSED) return;
            wsPumping = true;
        }
        while (true) {
            WebSocketConnection conn;
            WebSocketFrames codec;
            Packet[] frames = null;
            boolean observed = false;
            Effects fx = null;
            synchronized (this) {
                conn = ws;
                codec = wsFrames;
                if (conn != null && state != State.CLOSED) {
                    frames = queue.pollInFlight(conn.maxFramesInFlight() - wsInFlight);
                }
                if (frames != null && observer != null) {
                    List<Packet> flushed = Arrays.asList(frames);
                    noticeLocked(o -> o.flushed(flushed));
                    if (queue.isEmpty()) noticeLocked(SessionObserver::drained);
                    observed = true;
                }
                if (frames == null) {
                    wsPumping = false;
                    if (conn != null && state == State.CLOSING && wsInFlight == 0 && queue.isEmpty()) {
                        fx = new Effects();
                        finishCloseLocked(fx); // drained: now close
                    }
                } else {
                    wsInFlight += frames.length;
                }
            }
            if (frames == null) {
                if (fx != null) fx.run();
                return;
            }
            if (observed) tellObserver();
            for (Packet next : frames) {
                counters.sent(next);
                WebSocketConnection.SendCallback done = error -> onWebSocketSent(next, error);
                try {
                    codec.send(conn, next, done);
                } catch (RuntimeException e) {
                    done.onComplete(e);
                }
            }
        }
    }

    private void onWebSocketSent(Packet written, Throwable error) {
        synchronized (this) {
            wsInFlight--;
            queue.written(written);
        }
        if (error != null) {
            WS_LOG.log(Level.DEBUG, "session {0}: send failed: {1}", id, error.toString());
            close(CloseReason.TRANSPORT_ERROR, "send failed: " + error);
            return;
        }
        pumpWebSocket();
    }

    /** Handler for the WebSocket this session was opened on. */
    WebSocketHandler mainSocketHandler(WebSocketConnection conn) {
        WebSocketFrames frames;
        synchronized (this) {
            frames = wsFrames;
        }
        return mainSocketHandler(conn, frames);
    }

    private WebSocketHandler mainSocketHandler(WebSocketConnection conn, WebSocketFrames frames) {
        return new WebSocketHandler() {
            public void onText(String text) {
                Packet p;
                try {
                    p = frames.decodeText(text);
                } catch (PacketParseException e) {
                    malformed(e);
                    return;
                }
                onPacket(p, true);
            }

            public void onBinary(byte[] data) {
                Packet p;
                try {
                    p = frames.decodeBinary(data);
                } catch (PacketParseException e) {
                    malformed(e);
                    return;
                }
                onPacket(p, true);
            }

            private void malformed(PacketParseException e) {
                WS_LOG.log(Level.WARNING, "session {0}: malformed frame ({1}); closing", id, e.getMessage());
                close(CloseReason.PARSE_ERROR, e.getMessage());
            }

            public void onClose(int code) {
                WS_LOG.log(Level.DEBUG, "session {0}: socket closed by peer ({1})", id, code);
                closeIfCurrent(conn, CloseReason.TRANSPORT_CLOSE, null);
            }

            public void onError(Throwable error) {
                WS_LOG.log(Level.DEBUG, "session {0}: socket error: {1}", id, error.toString());
                closeIfCurrent(conn, CloseReason.TRANSPORT_ERROR, "socket error: " + error);
            }
        };
    }

    private void closeIfCurrent(WebSocketConnection conn, CloseReason reason, String description) {
        Effects fx = new Effects();
        synchronized (this) {
            if (ws == conn) {
                ws = null; // already closed: do not send a close frame
                closeLocked(reason, description, fx);
            }
        }
        fx.run();
    }

    // ---------------------------------------------------------------- upgrade

    /**
     * A WebSocket arrived with this session's id: probe it, or refuse a second or disallowed upgrade.
     *
     * @param frames the socket's frame encoding, from its own request (v3: {@code b64})
     */
    WebSocketHandler beginUpgrade(WebSocketConnection conn, WebSocketFrames frames) {
        Effects fx = new Effects();
        WebSocketHandler handler;
        synchronized (this) {
            if (state != State.OPEN || ws != null || upgrade != Upgrade.NONE || !options.allowUpgrades()) {
                WS_LOG.log(Level.DEBUG, "session {0}: upgrade refused (already upgrading or upgraded)", id);
                fx.add(() -> conn.close(1000, ""));
                handler = WebSocketHandler.IGNORE;
            } else {
                upgrade = Upgrade.AWAITING_PROBE;
                probe = conn;
                upgradeTimer = scheduler.schedule(() -> abortUpgrade(conn, "upgrade timeout"), options.upgradeTimeout());
                handler = probeHandler(conn, frames);
            }
        }
        fx.run();
        return handler;
    }

    private WebSocketHandler probeHandler(WebSocketConnection conn, WebSocketFrames frames) {
        return new WebSocketHandler() {
            private WebSocketHandler upgraded;

            public void onText(String text) {
                if (upgraded != null) {
                    upgraded.onText(text);
                    return;
                }
                Effects fx = new Effects();
                boolean done = false;
                synchronized (EngineSession.this) {
                    if (probe != conn) return;
                    if (upgrade == Upgrade.AWAITING_PROBE && text.equals("2probe")) {
                        upgrade = Upgrade.PROBED;
                        fx.add(() -> conn.sendText(Packet.PONG_PROBE.encodedText(), err -> { }));
                        fx.add(() -> listener.onUpgrading(EngineSession.this, EngineOptions.WEBSOCKET));
                        if (pendingGet != null) answerPollLocked(List.of(Packet.NOOP), fx);
                    } else if (upgrade == Upgrade.PROBED && text.equals("5")) {
                        completeUpgradeLocked(conn, frames, fx);
                        done = true;
                    } else {
                        fx.add(() -> abortUpgrade(conn, "unexpected packet during upgrade"));
                    }
                }
                fx.run();
                if (done) {
                    upgraded = mainSocketHandler(conn, frames);
                    pumpWebSocket();
                    listener.onUpgrade(EngineSession.this, EngineOptions.WEBSOCKET);
                }
            }

            public void onBinary(byte[] data) {
                if (upgraded != null) upgraded.onBinary(data);
                else abortUpgrade(conn, "binary frame during upgrade");
            }

            public void onClose(int code) {
                if (upgraded != null) upgraded.onClose(code);
                else abortUpgrade(conn, "probe socket closed");
            }

            public void onError(Throwable error) {
                if (upgraded != null) upgraded.onError(error);
                else abortUpgrade(conn, "probe socket error");
            }
        };
    }

    private void completeUpgradeLocked(WebSocketConnection conn, WebSocketFrames frames, Effects fx) {
        cancel(upgradeTimer);
        upgradeTimer = null;
        probe = null;
        upgrade = Upgrade.DONE;
        ws = conn;
        wsFrames = frames;
        counters.upgrade();
        if (pendingGet != null) answerPollLocked(List.of(Packet.NOOP), fx);
        WS_LOG.log(Level.DEBUG, "session {0}: upgraded to websocket", id);
    }

    private void abortUpgrade(WebSocketConnection conn, String why) {
        synchronized (this) {
            if (probe != conn) return;
            probe = null;
            upgrade = Upgrade.NONE;
            cancel(upgradeTimer);
            upgradeTimer = null;
        }
        WS_LOG.log(Level.DEBUG, "session {0}: upgrade aborted: {1}", id, why);
        conn.close(1000, "");
        // polls answered with noop while probing resume normally; deliver anything queued meanwhile
        Effects fx = new Effects();
        synchronized (this) {
            flushPollingLocked(fx);
        }
        fx.run();
    }

    // ---------------------------------------------------------------- inbound packets and heartbeat

    /** @return false when the session closed because of this packet */
    private boolean onPacket(Packet p, boolean overWebSocket) {
        counters.received(p);
        // as the reference: an open session's packets, save a polling client's close packet, which ends the
        // transport unseen
        boolean observed = observer != null && (overWebSocket || p.type() != PacketType.CLOSE) && noticeIfOpen(p);
        switch (p.type()) {
            case MESSAGE -> {
                synchronized (this) {
                    if (state != State.OPEN) return false;
                }
                if (p.isBinary()) listener.onBinaryMessage(this, p.binary());
                else listener.onMessage(this, p.text());
                return true;
            }
            case PING, PONG -> {
                if (p.type() == PacketType.PING ? heartbeat.onPing() : heartbeat.onPong()) {
                    if (observed) {
                        synchronized (this) {
                            noticeLocked(SessionObserver::heartbeat);
                        }
                        tellObserver();
                    }
                    return true;
                }
                LOG.log(Level.WARNING, "session {0}: invalid heartbeat direction ({1} from a protocol v{2} client);"
                        + " closing", id, p.type(), protocol.revision());
                close(CloseReason.TRANSPORT_ERROR, "invalid heartbeat direction");
                return false;
            }
            case CLOSE -> {
                if (overWebSocket) return true; // over WebSocket the close frame is what counts
                LOG.log(Level.DEBUG, "session {0}: client closed", id);
                close(CloseReason.TRANSPORT_CLOSE);
                return false;
            }
            default -> {
                return true; // open, upgrade and noop from a client carry no meaning here
            }
        }
    }

    /** Tells the observer of a packet received while open. @return whether it was told (the session is open) */
    private boolean noticeIfOpen(Packet p) {
        synchronized (this) {
            if (state != State.OPEN) return false;
            noticeLocked(o -> o.received(p));
        }
        tellObserver();
        return true;
    }

    private void noticeLocked(Consumer<SessionObserver> notice) {
        if (notices == null) notices = new ArrayDeque<>(4);
        notices.add(notice);
    }

    /**
     * Tells the observer the notices queued so far, in order, unless another thread is telling them (it tells these
     * too before it stops). Never with the lock held.
     */
    private void tellObserver() {
        synchronized (this) {
            if (telling) return;
            telling = true;
        }
        while (true) {
            Consumer<SessionObserver> next;
            synchronized (this) {
                next = notices == null ? null : notices.poll();
                if (next == null) {
                    notices = null; // an idle session holds no deque
                    telling = false;
                    return;
                }
            }
            SessionObserver o = observer;
            try {
                if (o != null) next.accept(o);
            } catch (RuntimeException e) { // the others are still told, and by this thread: telling is still set
                LOG.log(Level.WARNING, "session " + id + ": its observer failed", e);
            }
        }
    }

    /** Queues the open packet (and the initial one) of a WebSocket-first session; {@link #start()} writes them. */
    synchronized void queueOpen(List<Packet> open) {
        queue.offer(open);
    }

    /** Arms the heartbeat and, over WebSocket, writes what is queued (the open packet first). */
    void start() {
        heartbeat.start();
        pumpWebSocket();
    }

    // ---------------------------------------------------------------- closing

    /** Closes at once for {@code reason}, discarding queued packets (errors, timeouts, shutdown). */
    public void close(CloseReason reason) {
        close(reason, null);
    }

    /** {@link #close(CloseReason)}, saying what went wrong ({@link #closeDescription()}). */
    void close(CloseReason reason, String description) {
        Effects fx = new Effects();
        synchronized (this) {
            closeLocked(reason, description, fx);
        }
        fx.run();
    }

    /**
     * The server closes the session gracefully ("forced close"): queued packets are delivered first, then the
     * close packet (polling) or close frame (WebSocket).
     */
    public void close() {
        Effects fx = new Effects();
        synchronized (this) {
            if (state != State.OPEN) return;
            state = State.CLOSING;
            closeReason = CloseReason.FORCED_CLOSE;
            fx.add(heartbeat::stop);
            // once probed, the client has paused polling and is switching to the probe socket ("5" may already be
            // on the wire), so a close packet could only travel over that socket: the upgrade is let to complete
            // and the queue drains there (the upgrade timeout still bounds it). Before that, polling carries it.
            if (upgrade != Upgrade.PROBED) abortProbeLocked(fx);
            if (ws == null) {
                if (pendingGet != null) flushPollingLocked(fx);
                if (state != State.CLOSED) {
                    closeTimer = scheduler.schedule(() -> close(CloseReason.FORCED_CLOSE), options.closeTimeout());
                }
            }
        }
        fx.run();
        pumpWebSocket();
    }

    private void closeLocked(CloseReason reason, Effects fx) {
        closeLocked(reason, null, fx);
    }

    private void closeLocked(CloseReason reason, String description, Effects fx) {
        if (state == State.CLOSED) return;
        if (closeReason == null) {
            closeReason = reason;
            closeDescription = description;
        }
        queue.clear();
        if (pendingGet != null) {
            // the reference answers a pending poll with a close packet; after a client close it is a noop
            Packet last = reason == CloseReason.TRANSPORT_CLOSE ? Packet.NOOP : Packet.CLOSE;
            answerPollLocked(List.of(last), fx);
        }
        finishCloseLocked(fx);
    }

    private void finishCloseLocked(Effects fx) {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        fx.add(heartbeat::stop);
        cancel(closeTimer);
        abortProbeLocked(fx);
        HttpExchange post = pendingPost;
        pendingPost = null;
        if (post != null) fx.add(post::abort);
        WebSocketConnection conn = ws;
        if (conn != null) {
            int code = closeReason == CloseReason.SERVER_SHUTTING_DOWN ? 1001 : 1000;
            fx.add(() -> conn.close(code, ""));
        }
        CloseReason reason = closeReason;
        counters.closed(reason);
        server.remove(this);
        Level level = reason == CloseReason.TRANSPORT_CLOSE || reason == CloseReason.FORCED_CLOSE
                || reason == CloseReason.SERVER_SHUTTING_DOWN ? Level.DEBUG : Level.INFO;
        LOG.log(level, "session {0} closed: {1}", id, reason.wireName());
        fx.add(() -> listener.onClose(this, reason));
    }

    private void abortProbeLocked(Effects fx) {
        if (probe == null) return;
        WebSocketConnection p = probe;
        probe = null;
        upgrade = Upgrade.NONE;
        cancel(upgradeTimer);
        upgradeTimer = null;
        fx.add(() -> p.close(1000, ""));
    }

    private static void cancel(Scheduler.Timer t) {
        if (t != null) t.cancel();
    }
}
