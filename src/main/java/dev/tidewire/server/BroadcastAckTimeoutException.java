package dev.tidewire.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** A broadcast with acks timed out; {@link #responses()} holds the answers that did arrive. */
public final class BroadcastAckTimeoutException extends TimeoutException {
    private final transient List<Object> responses;

    public BroadcastAckTimeoutException(List<Object> responses) {
        super("operation has timed out");
        this.responses = Collections.unmodifiableList(new ArrayList<>(responses)); // answers may be null
    }

    public List<Object> responses() {
        return responses;
    }
}
