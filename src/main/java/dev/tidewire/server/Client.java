package dev.tidewire.server;

import dev.tidewire.internal.engine.CloseReason;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.SessionIds;
import dev.tidewire.internal.engine.SessionListener;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketDecoder;
import dev.tidewire.internal.parser.SioPacketType;
import dev.tidewire.internal.parser.SioParseException;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Engine.IO session seen by the Socket.IO layer: decodes its packets, connects it to namespaces, and runs its
 * events on a serial executor so that handlers see them in the order the client sent them.
 */
final class Client implements SessionListener {
    private static final Logger LOG = System.getLogger("tidewire.socketio");
    private static final Logger PARSER_LOG = System.getLogger("tidewire.socketio.parser");

    private final SocketIoServer server;
    private final EngineSession session;
    private final SerialExecutor serial;
    private final SioPacketDecoder decoder;
    private final SocketIoProtocol protocol;
    private volatile ClientConnection connection;
    /** Set by {@link #closeNow}: the engine's close that follows must not close the sockets a second time. */
    private volatile boolean closing;
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>(2);
    private volatile Scheduler.Timer connectTimer;

    Client(SocketIoServer server, EngineSession session, SerialExecutor serial) {
        this.server = server;
        this.session = session;
        this.serial = serial;
        this.decoder = server.newDecoder();
        this.protocol = SocketIoProtocol.over(session.protocol());
    }

    SocketIoProtocol protocol() {
        return protocol;
    }

    /** A v4 client is in the main namespace from the start, as if it had sent a CONNECT for it. */
    void connectMainNamespaceIfImplicit() {
        if (protocol.connectsMainNamespaceAtOpen()) {
            submitOrRunInline(new SioPacket(SioPacketType.CONNECT, "/", SioPacket.NO_ACK, null));
        }
    }

    EngineSession session() {
        return session;
    }

    /** The application's view of this client's connection; made on first use, as most applications never ask. */
    Connection connection() {
        ClientConnection c = connection;
        if (c == null) {
            synchronized (this) {
                if (connection == null) connection = new ClientConnection(session, this);
                c = connection;
            }
        }
        return c;
    }

    @Override
    public void onUpgrading(EngineSession s, String transport) {
        ClientConnection c = connection;
        if (c != null) c.upgrading(transport);
    }

    @Override
    public void onUpgrade(EngineSession s, String transport) {
        ClientConnection c = connection;
        if (c != null) c.upgraded(transport);
    }

    /**
     * Runs an event of {@link Connection}'s listeners in this client's order. Never on the calling thread (an I/O or
     * timer thread, or an emitter's): past the client's bound it is closed as a flood is, and the event dropped with
     * the others not started.
     */
    void runConnectionEvent(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException e) {
            if (closing) return;
            LOG.log(Level.WARNING, "client {0} has too many pending callbacks; closing its connection", session.id());
            closeNow(DisconnectReason.FORCED_SERVER_CLOSE);
        }
    }

    /** Runs {@code task} after everything this client has queued, even past its bound: its one close notice. */
    void runLast(Runnable task) {
        try {
            serial.executePastBound(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the shared executor is gone (undeploying), as closeNow does
        }
    }

    void startConnectTimer(long timeoutMillis) {
        connectTimer = server.scheduler().schedule(() -> {
            if (sockets.isEmpty()) {
                LOG.log(Level.DEBUG, "client {0} joined no namespace within {1} ms; closing", session.id(), timeoutMillis);
                closeNow(DisconnectReason.FORCED_SERVER_CLOSE);
            }
        }, timeoutMillis);
    }

    /** Runs application-facing work in order with this client's events (never on a timer or I/O thread). */
    void runSerially(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the client is being closed for flooding: do not lose the completion
        }
    }

    /** Events received and not yet handed to their handlers. */
    int pendingEvents() {
        return serial.pending();
    }

    void write(List<Packet> packets, boolean isVolatile) {
        session.send(packets, isVolatile);
    }

    // ---------------------------------------------------------------- inbound (container threads)

    @Override
    public void onMessage(EngineSession s, String text) {
        SioPacket packet;
        try {
            synchronized (decoder) {
                packet = decoder.decodeText(text);
            }
        } catch (SioParseException e) {
            rejectMalformed(e);
            return;
        }
        if (packet != null) submitOrRunInline(protocol.withNamespaceQueryAsAuth(packet));
    }

    private void submitOrRunInline(SioPacket packet) {
        if (runsWithoutBlockingUserCode(packet)) serial.runInlineIfIdle(() -> handle(packet));
        else submit(packet);
    }

    /**
     * Events whose handlers are all non-blocking, CONNECTs to namespaces whose connection path is, and DISCONNECTs of
     * sockets that leave without running user code: these may run here on the reading thread when the client is idle.
     */
    private boolean runsWithoutBlockingUserCode(SioPacket packet) {
        switch (packet.type()) {
            case CONNECT -> {
                Namespace namespace = server.existingNamespace(packet.namespace());
                // a recovery may wait for the adapter: never on the reading thread
                return namespace != null && namespace.connectsInline() && recoveryAsked(packet) == null;
            }
            case DISCONNECT -> {
                return leavesQuietly(sockets.get(packet.namespace()));
            }
            case EVENT, BINARY_EVENT -> {
                if (!(packet.data() instanceof List<?> args) || args.isEmpty()) return false;
                Socket socket = sockets.get(packet.namespace());
                return socket != null && socket.handlesInline(Socket.eventName(args.get(0)));
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void onBinaryMessage(EngineSession s, byte[] data) {
        SioPacket packet;
        try {
            synchronized (decoder) {
                packet = decoder.decodeBinary(data);
            }
        } catch (SioParseException e) {
            rejectMalformed(e);
            return;
        }
        if (packet != null) submitOrRunInline(protocol.withNamespaceQueryAsAuth(packet));
    }

    private void rejectMalformed(SioParseException e) {
        // the reference closes the connection on a decode error (reason "forced close" on the server side)
        PARSER_LOG.log(Level.WARNING, "client {0} sent a malformed packet ({1}); closing its connection",
                session.id(), e.getMessage());
        session.close();
    }

    private void submit(SioPacket packet) {
        try {
            serial.execute(() -> handle(packet));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "client {0} has too many pending events; closing its connection", session.id());
            closeNow(DisconnectReason.FORCED_SERVER_CLOSE);
        }
    }

    @Override
    public void onClose(EngineSession s, CloseReason reason) {
        cancelConnectTimer();
        synchronized (decoder) {
            decoder.reset(); // as the reference destroys its decoder: a partly received packet is dropped
        }
        ClientConnection conn = connection;
        if (closing) { // closeNow has queued the sockets' close with its own reason
            if (conn != null) conn.closed(reason, s.closeDescription());
            server.removeClient(this);
            return;
        }
        DisconnectReason why = DisconnectReason.of(reason);
        List<String> recoverable = recoverablePids(why);
        Runnable close;
        if (recoverable.isEmpty()) { // nothing kept for recovery: nothing for a reconnect to wait for
            close = () -> closeSockets(why);
        } else {
            server.closingSessions().closing(recoverable);
            close = () -> {
                try {
                    closeSockets(why);
                } finally {
                    server.closingSessions().closed(recoverable);
                }
            };
        }
        try {
            // after the events already received; on this thread when idle and no user code listens to the close
            if (closesQuietly()) serial.runInlineIfIdle(close);
            else serial.execute(close);
        } catch (RejectedExecutionException e) {
            close.run();
        }
        if (conn != null) conn.closed(reason, s.closeDescription()); // after the sockets, as the reference's order
        server.removeClient(this);
    }

    // ---------------------------------------------------------------- packets (serial executor)

    private void handle(SioPacket packet) {
        if (packet.type() == SioPacketType.CONNECT) {
            if (sockets.containsKey(packet.namespace())) {
                violation("second CONNECT to " + packet.namespace());
            } else {
                connect(packet);
            }
            return;
        }
        Socket socket = sockets.get(packet.namespace());
        if (socket == null) {
            violation(packet.type() + " for unconnected namespace " + packet.namespace());
            return;
        }
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> socket.dispatchEvent(asList(packet.data()), packet.ackId());
            // an ACK without data (the reference's parser accepts it) answers with no arguments
            case ACK, BINARY_ACK -> socket.onAck(packet.ackId(),
                    packet.data() == null ? List.of() : asList(packet.data()));
            case DISCONNECT -> socket.onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            case CONNECT_ERROR -> violation("CONNECT_ERROR sent by a client");
            default -> violation("unexpected " + packet.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object data) {
        return (List<Object>) data;
    }

    private void violation(String what) {
        LOG.log(Level.WARNING, "client {0} violated the protocol ({1}); closing its connection", session.id(), what);
        closeNow(DisconnectReason.FORCED_SERVER_CLOSE);
    }

    @SuppressWarnings("unchecked")
    private void connect(SioPacket packet) {
        String name = packet.namespace();
        Map<String, Object> auth = packet.data() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Namespace namespace = server.resolveToConnect(name, auth);
        if (namespace == null) { // an object in every revision, as the reference
            writeConnectError(name, SocketIoProtocol.errorObject("Invalid namespace", null));
            return;
        }
        Admission admission = null;
        try {
            admission = admission(namespace, name, auth, packet);
        } finally {
            if (admission == null) namespace.connectEnded();
        }
        if (admission == null) return;
        Socket socket = admission.socket();
        RecoverableSession restored = admission.restored();
        cancelConnectTimer();
        sockets.put(name, socket);
        socket.onConnected();
        namespace.addSocket(socket); // from here the namespace stays while the socket is in it
        server.counters().connected();
        if (restored != null) socket.rejoin(restored.rooms());
        socket.writeConnectReply();
        if (restored != null) socket.resend(restored.missedPackets());
        namespace.fireConnection(socket);
    }

    /** A socket the middlewares let in, and the session it restores (or null). */
    private record Admission(Socket socket, RecoverableSession restored) {
    }

    /** The socket made for a CONNECT and put to the middlewares; null when refused, or when the client left. */
    private Admission admission(Namespace namespace, String name, Map<String, Object> auth, SioPacket packet) {
        RecoveryOptions recovery = server.options().recovery();
        RecoverableSession restored = recovery == null ? null : restore(namespace, recoveryAsked(packet));
        Socket socket = restored != null ? Socket.restored(restored, namespace, this, handshake(auth))
                : new Socket(protocol.newSocketId(name, session.id()), namespace, this, handshake(auth),
                recovery == null ? null : SessionIds.next(), false);
        boolean skipMiddlewares = restored != null && recovery.skipMiddlewares();
        for (Middleware m : skipMiddlewares ? List.<Middleware>of() : namespace.middlewares()) {
            try {
                m.check(socket);
            } catch (ConnectionRefusedException e) {
                socket.discard();
                writeConnectError(name, protocol.refusal(e.getMessage(), e.data()));
                return null;
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "middleware of " + name + " refused a connection", e);
                socket.discard();
                writeConnectError(name, protocol.refusal(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null));
                return null;
            }
        }
        if (!session.isOpen()) { // the client left while the middlewares ran
            socket.discard();
            return null;
        }
        return new Admission(socket, restored);
    }

    /** The {@code [pid, offset]} a CONNECT asks to recover with, or null (connection state recovery off, or none). */
    private String[] recoveryAsked(SioPacket connect) {
        if (server.options().recovery() == null || !(connect.data() instanceof Map<?, ?> auth)) return null;
        return auth.get("pid") instanceof String pid && auth.get("offset") instanceof String offset
                ? new String[]{pid, offset} : null;
    }

    /** The session to restore, or null for a fresh one: unknown, expired, or the adapter failed or took too long. */
    private RecoverableSession restore(Namespace namespace, String[] asked) {
        if (asked == null) return null;
        try {
            // a reconnect can overtake the close of its old connection, which keeps the session: wait for it
            if (!server.closingSessions().awaitClosed(asked[0], TimeUnit.SECONDS.toMillis(RESTORE_WAIT_SECONDS))) {
                LOG.log(Level.WARNING, "the old connection of a recovering client of {0} was still closing after "
                        + "{1} s; the client starts afresh", namespace.name(), RESTORE_WAIT_SECONDS);
                return null;
            }
            RecoverableSession session = namespace.adapter().restoreSession(asked[0], asked[1]).toCompletableFuture()
                    .get(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS).orElse(null);
            if (session == null || namespace.sockets().containsKey(session.sid())) return null;
            LOG.log(Level.DEBUG, "socket {0} of {1} recovered with {2} missed packets", session.sid(),
                    namespace.name(), session.missedPackets().size());
            return session;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "restoring a session of {0} failed ({1}); the client starts afresh",
                    namespace.name(), e.toString());
            return null;
        }
    }

    /** How long a CONNECT waits for the adapter to restore a session. */
    private static final long RESTORE_WAIT_SECONDS = 5;

    private void writeConnectError(String namespace, Object body) {
        write(server.encode(new SioPacket(SioPacketType.CONNECT_ERROR, namespace, SioPacket.NO_ACK, body)), false);
    }

    private Handshake handshake(Map<String, Object> auth) {
        return new Handshake(session.request(), System.currentTimeMillis(), auth);
    }

    /** Cancels the connect timeout and lets go of it: a cancelled timer kept in a field would stay on the heap. */
    private void cancelConnectTimer() {
        Scheduler.Timer t = connectTimer;
        connectTimer = null;
        if (t != null) t.cancel();
    }

    void removeSocket(Socket socket) {
        sockets.remove(socket.namespace().name(), socket);
    }

    // ---------------------------------------------------------------- closing

    /** Whether closing all of this client's sockets runs no user code; see {@link #leavesQuietly}. */
    private boolean closesQuietly() {
        for (Socket s : sockets.values()) {
            if (!leavesQuietly(s)) return false;
        }
        return true;
    }

    /**
     * Whether closing {@code socket} ({@code null}: none to close) runs no user code: no disconnect listeners, no
     * pending acks. Such a close may run on the reading thread, with no hand-off (on Payara each hand-off also
     * captures the thread's context).
     */
    private static boolean leavesQuietly(Socket socket) {
        return socket == null || socket.closesQuietly();
    }

    /** The private ids of the sockets a close for {@code reason} will keep for recovery. */
    private List<String> recoverablePids(DisconnectReason reason) {
        if (server.options().recovery() == null || !reason.isRecoverable()) return List.of();
        List<String> pids = new ArrayList<>(sockets.size());
        for (Socket s : sockets.values()) {
            if (s.pid() != null) pids.add(s.pid());
        }
        return pids;
    }

    private void closeSockets(DisconnectReason reason) {
        for (Socket s : new ArrayList<>(sockets.values())) s.onClose(reason);
    }

    /**
     * Closes the connection; every socket leaves with {@code reason}, in this client's serial order: after the
     * handler in flight, instead of the events not started yet (this runs on reading, timer and undeploy threads).
     *
     * @return completed once the sockets have left
     */
    CompletableFuture<Void> closeNow(DisconnectReason reason) {
        CompletableFuture<Void> left = new CompletableFuture<>();
        Runnable leave = () -> {
            try {
                closeSockets(reason);
            } finally {
                left.complete(null);
            }
        };
        closing = true;
        try {
            serial.replaceQueuedWith(leave);
        } catch (RejectedExecutionException e) { // the shared executor is gone (undeploying): here, then
            leave.run();
        }
        if (reason == DisconnectReason.SERVER_SHUTTING_DOWN) session.close(CloseReason.SERVER_SHUTTING_DOWN);
        else session.close(); // graceful, as the reference's conn.close(): what is queued is still delivered
        return left;
    }

    /** {@code socket.disconnect(true)}: every namespace gets DISCONNECT, then the connection closes gracefully. */
    void disconnectAllAndClose() {
        for (Socket s : new ArrayList<>(sockets.values())) s.disconnect(false);
        session.close();
    }
}
