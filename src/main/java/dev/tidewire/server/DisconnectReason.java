package dev.tidewire.server;

import dev.tidewire.internal.engine.CloseReason;

/**
 * Why a socket left its namespace, named as the reference server names it; also why a connection closed
 * ({@link Connection#onClose}), where only the Engine.IO reasons occur: transport close and error, ping timeout, parse
 * error, forced close, server shutting down, and outbound queue full.
 */
public enum DisconnectReason {
    TRANSPORT_ERROR("transport error"),
    TRANSPORT_CLOSE("transport close"),
    FORCED_CLOSE("forced close"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    SERVER_SHUTTING_DOWN("server shutting down"),
    FORCED_SERVER_CLOSE("forced server close"),
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    /** Our addition: the client read too slowly and its bounded outbound queue overflowed. */
    OUTBOUND_QUEUE_FULL("outbound queue full");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Whether a client may recover its socket after it (connection state recovery): the reference's recoverable
     * reasons, where the connection was lost rather than the socket disconnected on purpose. An outbound queue that
     * overflowed is not one: the client could not keep up, and the missed packets would overflow it again.
     */
    public boolean isRecoverable() {
        return switch (this) {
            case TRANSPORT_ERROR, TRANSPORT_CLOSE, FORCED_CLOSE, PING_TIMEOUT, SERVER_SHUTTING_DOWN,
                 FORCED_SERVER_CLOSE -> true;
            default -> false;
        };
    }

    static DisconnectReason of(CloseReason reason) {
        return switch (reason) {
            case TRANSPORT_CLOSE -> TRANSPORT_CLOSE;
            case TRANSPORT_ERROR -> TRANSPORT_ERROR;
            case PING_TIMEOUT -> PING_TIMEOUT;
            case PARSE_ERROR -> PARSE_ERROR;
            case FORCED_CLOSE -> FORCED_CLOSE;
            case SERVER_SHUTTING_DOWN -> SERVER_SHUTTING_DOWN;
            case OUTBOUND_QUEUE_FULL -> OUTBOUND_QUEUE_FULL;
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
