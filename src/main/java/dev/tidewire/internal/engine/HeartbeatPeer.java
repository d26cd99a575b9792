package dev.tidewire.internal.engine;

/** The session, as its heartbeat sees it. */
interface HeartbeatPeer {
    /** Queues a ping or a pong for the client. */
    void sendHeartbeat(Packet packet);

    /** The client was silent for too long: the session closes with "ping timeout". */
    void heartbeatTimedOut();
}
