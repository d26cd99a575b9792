package dev.tidewire.server;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Engine.IO connection under a socket ({@link Socket#conn()}), the reference's {@code socket.conn}: its state, and
 * its events in Java form. It watches the connection; it cannot unhook Socket.IO from it or write raw frames (there is
 * no {@code send}, {@code write} or {@code removeAllListeners} of the Socket.IO layer's own listeners).
 *
 * <h2>Listeners</h2>
 * Each event has an {@code onX(listener)} that adds a listener and an {@code offX(listener)} that removes it again
 * (compared by identity: keep the object you added), both returning this connection for chaining, as
 * {@link Socket#onAny}/{@link Socket#offAny} do. Listeners run in the client's serial order, like every other
 * callback about this client (event handlers, ack callbacks, disconnect listeners), on the handler executor, never on
 * a container I/O thread; they may block, but while one runs the client's next events wait. They share the client's
 * bound ({@link SocketIoOptions#maxPendingEvents()}): a client whose callbacks fall that far behind is disconnected
 * ("forced server close"), as a client that floods its events is.
 * <p>
 * The packet events ({@link #onPacket}, {@link #onPacketCreate}, {@link #onFlush}, {@link #onDrain},
 * {@link #onHeartbeat}) cost a connection nothing until a listener is added: without one, each packet pays a single
 * volatile read. With one, each event is a task on the client's serial executor, so watch the packets of the
 * connections you mean to, for as long as you need.
 *
 * <h2>From the reference</h2>
 * {@code id}, {@code protocol}, {@code readyState}, {@code transport.name} ({@link #transport()}), {@code upgraded},
 * {@code upgrading}, {@code remoteAddress}, {@code request}, {@code close()}, and the events {@code upgrading},
 * {@code upgrade}, {@code packet}, {@code packetCreate}, {@code flush}, {@code drain}, {@code heartbeat} and
 * {@code close}. The {@code message}/{@code data} events are {@link #onPacket} with type {@code "message"}: the data is
 * the Socket.IO packet as encoded, which the socket's own handlers see decoded.
 */
public interface Connection {
    /** The Engine.IO session id (not the socket's id). */
    String id();

    /** The Engine.IO protocol revision: 4 (socket.io-client 3 and 4), or 3 (socket.io-client 2, {@code allowEIO3}). */
    int protocol();

    /** {@code polling} or {@code websocket}. */
    String transport();

    /** The reference's {@code readyState}. */
    ReadyState readyState();

    /** Whether the connection switched from polling to WebSocket (false for one opened over WebSocket). */
    boolean upgraded();

    /** Whether an upgrade is under way: a probe WebSocket is open, and the client has not switched to it yet. */
    boolean upgrading();

    /** The client's address as the container saw it. */
    String remoteAddress();

    /** The connection's first request (the polling handshake, or the WebSocket's upgrade request): method GET. */
    EngineHooks.Request request();

    /**
     * Closes the connection gracefully, without a Socket.IO DISCONNECT: what is queued is still delivered, then the
     * transport closes; the client sees "transport close" and reconnects. The sockets leave with "forced close".
     */
    void close();

    /**
     * The connection's state, as the reference names it ({@link #wireName()}). The reference's {@code opening} is
     * not here: a connection is open before any socket, and so any application code, can see it.
     */
    enum ReadyState {
        OPEN("open"), CLOSING("closing"), CLOSED("closed");

        private final String wireName;

        ReadyState(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        @Override
        public String toString() {
            return wireName;
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * Told with the new transport's name ({@code websocket}) when the client probes it (its probe ping arrived on the new
     * WebSocket), the reference's {@code upgrading}; the upgrade may still be given up (then no {@link #onUpgrade}
     * follows).
     */
    Connection onUpgrading(Consumer<String> listener);

    Connection offUpgrading(Consumer<String> listener);

    /** Told with the new transport's name when the connection has switched (polling → websocket). */
    Connection onUpgrade(Consumer<String> listener);

    Connection offUpgrade(Consumer<String> listener);

    /**
     * Told of each Engine.IO packet received from the client while the connection is open, before it is acted on:
     * messages (the Socket.IO packets), a v4 client's pongs, a v3 client's pings. The upgrade probe's packets are not
     * the connection's, and a polling client's close packet ends the transport unseen, as in the reference.
     */
    Connection onPacket(Consumer<EnginePacket> listener);

    Connection offPacket(Consumer<EnginePacket> listener);

    /**
     * Told of each packet queued for the client, as it is queued: messages, a v4 server's pings, a v3 server's pongs.
     * A packet sent to many clients (a broadcast) is the same one for each; the open packet, and the noop and close
     * packets the transports write themselves, are not shown, as in the reference.
     */
    Connection onPacketCreate(Consumer<EnginePacket> listener);

    Connection offPacketCreate(Consumer<EnginePacket> listener);

    /** Told of the packets handed to the transport in one write (a poll's answer, a batch of WebSocket frames). */
    Connection onFlush(Consumer<List<EnginePacket>> listener);

    Connection offFlush(Consumer<List<EnginePacket>> listener);

    /** Told when a flush left nothing queued: every packet queued so far is with the transport. */
    Connection onDrain(Runnable listener);

    Connection offDrain(Runnable listener);

    /** Told when the heartbeat went round: a v4 client's pong, or a v3 client's ping (after the server's pong). */
    Connection onHeartbeat(Runnable listener);

    Connection offHeartbeat(Runnable listener);

    /**
     * Told once when the connection closes, after the sockets' disconnect listeners, with the reference's reason:
     * {@code transport close}, {@code transport error}, {@code ping timeout}, {@code parse error}, {@code forced close}
     * (this {@link #close()}, a {@code disconnect(true)}, or a Socket.IO layer error), {@code server shutting down}, or
     * Tidewire's {@code outbound queue full}; and a description of what went wrong for an error (else {@code null}).
     */
    Connection onClose(BiConsumer<DisconnectReason, String> listener);

    Connection offClose(BiConsumer<DisconnectReason, String> listener);
}
