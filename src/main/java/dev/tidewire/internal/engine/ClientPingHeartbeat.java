package dev.tidewire.internal.engine;

/**
 * The v3 heartbeat: the client pings every pingInterval and the server answers each ping with a pong. The server
 * sends no pings; a client silent for pingInterval + pingTimeout since its last ping (or the handshake) is gone.
 */
final class ClientPingHeartbeat implements Heartbeat {
    private final Scheduler scheduler;
    private final EngineOptions options;
    private final HeartbeatPeer peer;
    private Scheduler.Timer timeoutTimer;
    private boolean stopped;

    ClientPingHeartbeat(Scheduler scheduler, EngineOptions options, HeartbeatPeer peer) {
        this.scheduler = scheduler;
        this.options = options;
        this.peer = peer;
    }

    @Override
    public synchronized void start() {
        if (!stopped) armTimeout();
    }

    private void armTimeout() {
        if (timeoutTimer != null) timeoutTimer.cancel();
        timeoutTimer = scheduler.schedule(this::timeout, options.pingInterval() + options.pingTimeout());
    }

    private void timeout() {
        synchronized (this) {
            if (stopped) return;
            timeoutTimer = null;
        }
        peer.heartbeatTimedOut();
    }

    /** As the reference, the pong carries no data whatever the ping carried. */
    @Override
    public boolean onPing() {
        synchronized (this) {
            if (stopped) return true;
            armTimeout();
        }
        peer.sendHeartbeat(Packet.PONG);
        return true;
    }

    @Override
    public boolean onPong() {
        return false;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (timeoutTimer != null) timeoutTimer.cancel();
        timeoutTimer = null;
    }
}
