package dev.tidewire.internal.engine;

/** Which side pings, and when a silent peer counts as gone: one policy per protocol revision. */
@FunctionalInterface
interface HeartbeatPolicy {
    /** A stopped heartbeat for one session; {@link Heartbeat#start()} arms it. */
    Heartbeat create(Scheduler scheduler, EngineOptions options, HeartbeatPeer peer);
}
