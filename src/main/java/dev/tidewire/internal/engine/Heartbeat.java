package dev.tidewire.internal.engine;

/**
 * One session's heartbeat timers. Thread-safe; its methods are called without the session's lock held, and it calls
 * its {@link HeartbeatPeer} without holding its own, so the two locks are never taken in opposite orders.
 */
interface Heartbeat {
    void start();

    /** A ping from the client. @return false when this revision's clients do not ping (invalid direction) */
    boolean onPing();

    /** A pong from the client. @return false when this revision's clients do not answer pings (invalid direction) */
    boolean onPong();

    /** Cancels every timer; nothing reaches the peer afterwards, save a callback already running. Idempotent. */
    void stop();
}
