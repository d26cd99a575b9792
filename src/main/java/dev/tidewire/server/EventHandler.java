package dev.tidewire.server;

import java.util.List;

/** Handles one event from a client: its arguments (JSON values, {@code byte[]} for binary) and the ack. */
@FunctionalInterface
public interface EventHandler {
    void handle(List<Object> args, Ack ack) throws Exception;

    /**
     * Marks a handler that never blocks (no I/O, no locks held long, no JPA): it may then run directly on the
     * thread that read the message, in order with the client's other events, skipping the hop to the managed
     * executor. No CDI request context is active there. Use it for hot, trivial handlers.
     */
    static EventHandler nonBlocking(EventHandler handler) {
        return (NonBlocking) handler::handle;
    }

    /** An {@link EventHandler} declared non-blocking with {@link #nonBlocking}. */
    @FunctionalInterface
    interface NonBlocking extends EventHandler {
    }
}
