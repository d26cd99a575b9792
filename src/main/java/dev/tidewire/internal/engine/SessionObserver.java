package dev.tidewire.internal.engine;

import java.util.List;

/**
 * Watches one session's Engine.IO traffic for the application: the packet-level events of the reference's
 * {@code socket.conn} ({@code packet}, {@code packetCreate}, {@code flush}, {@code drain}, {@code heartbeat}).
 * Installed with {@link EngineSession#observe} only while someone listens, so that a session nobody watches pays one
 * volatile read per packet and nothing else.
 * <p>
 * Called one at a time, in the order the session decided them under its lock (a packet's creation before its flush,
 * whichever threads send and write), on container I/O and timer threads and on whatever thread sends, never with the
 * session's lock held: an observer must return quickly and never block (it hands the events on, it does not run user
 * code). A session nobody observes takes no lock and allocates nothing for this.
 */
public interface SessionObserver {
    /** A packet arrived on the session's transport (not on an upgrade probe), before the session acts on it. */
    void received(Packet packet);

    /** Packets were accepted into the outbound queue, in this order (heartbeats included; noops and close not). */
    void created(List<Packet> packets);

    /** Packets leave the outbound queue for the transport in one write: a poll's answer, or WebSocket frames. */
    void flushed(List<Packet> packets);

    /** The outbound queue was emptied: all of it is now with the transport. Follows the {@link #flushed} call. */
    void drained();

    /** The heartbeat went round: a pong from a v4 client, a ping from a v3 client (after the server's pong). */
    void heartbeat();
}
