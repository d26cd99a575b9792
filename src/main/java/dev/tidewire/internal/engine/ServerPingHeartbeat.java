package dev.tidewire.internal.engine;

/**
 * The v4 heartbeat: the server pings every pingInterval and the client must answer within pingTimeout. The next ping
 * is due pingInterval after the pong; a pong that answers no ping changes nothing.
 */
final class ServerPingHeartbeat implements Heartbeat {
    private final Scheduler scheduler;
    private final EngineOptions options;
    private final HeartbeatPeer peer;
    private Scheduler.Timer pingTimer;
    private Scheduler.Timer timeoutTimer;
    private boolean stopped;

    ServerPingHeartbeat(Scheduler scheduler, EngineOptions options, HeartbeatPeer peer) {
        this.scheduler = scheduler;
        this.options = options;
        this.peer = peer;
    }

    @Override
    public synchronized void start() {
        if (!stopped) schedulePing();
    }

    private void schedulePing() {
        pingTimer = scheduler.schedule(this::ping, options.pingInterval());
    }

    private void ping() {
        synchronized (this) {
            if (stopped) return;
            pingTimer = null;
            // armed before the ping is queued: a ping the transport cannot write still times out
            timeoutTimer = scheduler.schedule(this::timeout, options.pingTimeout());
        }
        peer.sendHeartbeat(Packet.PING);
    }

    private void timeout() {
        synchronized (this) {
            if (stopped) return;
            timeoutTimer = null;
        }
        peer.heartbeatTimedOut();
    }

    @Override
    public boolean onPing() {
        return false;
    }

    @Override
    public synchronized boolean onPong() {
        if (stopped || timeoutTimer == null) return true;
        timeoutTimer.cancel();
        timeoutTimer = null;
        schedulePing();
        return true;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (pingTimer != null) pingTimer.cancel();
        if (timeoutTimer != null) timeoutTimer.cancel();
        pingTimer = null;
        timeoutTimer = null;
    }
}
