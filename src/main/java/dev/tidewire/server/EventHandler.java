package dev.tidewire.server;

import java.util.List;

/** Handles one event from a client: its arguments (JSON values, {@code byte[]} for binary) and the ack. */
@FunctionalInterface
public interface EventHandler {
    void handle(List<Object> args, Ack ack) throws Exception;
}
