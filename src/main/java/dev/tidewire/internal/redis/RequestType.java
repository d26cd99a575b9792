package dev.tidewire.internal.redis;

/** The {@code type} of a request between nodes, numbered as in the reference's Redis adapter and emitter. */
enum RequestType {
    SOCKETS,
    ALL_ROOMS,
    REMOTE_JOIN,
    REMOTE_LEAVE,
    REMOTE_DISCONNECT,
    REMOTE_FETCH,
    SERVER_SIDE_EMIT,
    BROADCAST,
    BROADCAST_CLIENT_COUNT,
    BROADCAST_ACK;

    private static final RequestType[] BY_CODE = values();

    /** The number on the wire. */
    int code() {
        return ordinal();
    }

    /** The type of a wire value, or {@code null} for anything else (a newer node's type, or not a number). */
    static RequestType of(Object wire) {
        if (!(wire instanceof Number n) || n.doubleValue() != n.longValue()) return null;
        long code = n.longValue();
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }
}
