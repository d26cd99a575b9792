package dev.tidewire.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one {@link SocketIoServer}'s sockets have done since it started, over all namespaces, for monitoring (JMX, the
 * Admin UI). Striped counters: an increment takes no lock and allocates nothing; a read sums the stripes and is not
 * atomic across counters. The Engine.IO figures (packets, bytes, handshakes) are counted by the engine below.
 */
public final class SocketCounters {
    private final LongAdder connections = new LongAdder();
    private final LongAdder[] disconnections = new LongAdder[DisconnectReason.values().length];

    SocketCounters() {
        for (int i = 0; i < disconnections.length; i++) disconnections[i] = new LongAdder();
    }

    void connected() {
        connections.increment();
    }

    void disconnected(DisconnectReason reason) {
        disconnections[reason.ordinal()].increment();
    }

    /** Sockets connected to a namespace: CONNECTs accepted (past the middlewares). */
    public long connections() {
        return connections.sum();
    }

    /** Connected sockets that left their namespace for {@code reason}. */
    public long disconnections(DisconnectReason reason) {
        return disconnections[reason.ordinal()].sum();
    }
}
