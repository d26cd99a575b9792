package dev.tidewire.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Not every other node of the cluster answered a request in time; {@link #responses()} holds the answers that did. */
public final class ClusterTimeoutException extends TimeoutException {
    private final transient List<Object> responses;

    public ClusterTimeoutException(String message, List<Object> responses) {
        super(message);
        this.responses = Collections.unmodifiableList(new ArrayList<>(responses)); // answers may be null
    }

    public List<Object> responses() {
        return responses;
    }
}
