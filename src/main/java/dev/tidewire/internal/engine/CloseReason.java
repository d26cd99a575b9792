package dev.tidewire.internal.engine;

/** Why a session closed, named as the reference server names it. */
public enum CloseReason {
    TRANSPORT_CLOSE("transport close"),
    TRANSPORT_ERROR("transport error"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    FORCED_CLOSE("forced close"),
    SERVER_SHUTTING_DOWN("server shutting down"),
    /** Our addition: the bounded outbound queue overflowed (a client too slow to read). */
    OUTBOUND_QUEUE_FULL("outbound queue full");

    private final String wireName;

    CloseReason(String wireName) {
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
