package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.SocketEvent;
import jakarta.enterprise.event.Event;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Fires socket events as CDI events: to the async observers where there are any, and to the sync ones likewise. */
final class CdiSocketEvents implements SocketEventSink {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private final Event<Object> events;
    private final ObservedSocketEvents observed;

    CdiSocketEvents(Event<Object> events, ObservedSocketEvents observed) {
        this.events = events;
        this.observed = observed;
    }

    @Override
    public void fire(SocketEvent event) {
        Class<?> kind = event.getClass();
        // async first: a failing sync observer then cannot keep the async ones from being notified
        if (observed.async(kind)) events.fireAsync(event).exceptionally(e -> {
            LOG.log(Level.WARNING, "an asynchronous observer of " + kind.getSimpleName() + " failed", e);
            return null;
        });
        if (observed.sync(kind)) events.fire(event);
    }
}
