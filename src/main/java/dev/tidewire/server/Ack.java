package dev.tidewire.server;

/** Answers a client's acknowledgement request; only the first call is sent. */
@FunctionalInterface
public interface Ack {
    void send(Object... args);

    /** Passed to handlers when the client asked for no acknowledgement: calls are ignored. */
    Ack NONE = args -> { };
}
