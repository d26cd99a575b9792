package dev.tidewire.server;

/** Handles an event whose first argument is bound to {@code T} (a POJO or record, through JSON-B). */
@FunctionalInterface
public interface TypedEventHandler<T> {
    void handle(T payload, Ack ack) throws Exception;
}
