package dev.tidewire.it;

import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.RoomLeft;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketDisconnected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Added to {@link CdiEventsIT}'s deployment only: tells the clients of {@code /interop} what it observed, as a
 * {@code cdi} event with the kind first.
 */
@ApplicationScoped
public class CdiEventsObserver {
    private static final String NAMESPACE = "/interop";

    void connected(@Observes SocketConnected e) {
        if (e.namespace().equals(NAMESPACE)) e.socket().emit("cdi", "connected", e.namespace());
    }

    void joined(@ObservesAsync RoomJoined e) {
        if (e.namespace().equals(NAMESPACE)) e.socket().emit("cdi", "joined-async", e.room());
    }

    void left(@Observes RoomLeft e) {
        if (e.namespace().equals(NAMESPACE) && e.socket().connected()) e.socket().emit("cdi", "left", e.room());
    }

    void disconnected(@Observes SocketDisconnected e) {
        if (e.namespace().equals(NAMESPACE)) {
            e.socket().namespace().emit("cdi", "disconnected", e.socket().id(), e.reason().wireName());
        }
    }
}
