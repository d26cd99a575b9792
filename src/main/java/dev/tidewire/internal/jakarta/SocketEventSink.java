package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.SocketEvent;

/** Where {@link SocketEventBridge} delivers socket events: CDI in a deployment, a list in a test. */
@FunctionalInterface
interface SocketEventSink {
    void fire(SocketEvent event);
}
