package dev.tidewire.internal.redis;

import dev.tidewire.server.ClusterTimeoutException;
import dev.tidewire.server.LocalNamespace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request to the other nodes that waits for a number of answers, as the reference counts them: the nodes
 * subscribed to the request channel when it was sent, less this one. Answers do not say which node sent them (a
 * server-side emit's do not), so they are counted, not matched. Used only in the namespace's in-order executor.
 */
final class PendingRequest<T> {
    final RequestType type;
    private final int expected;
    private final List<T> answers;
    private int received;
    private LocalNamespace.Timer timer;
    final CompletableFuture<List<T>> result = new CompletableFuture<>();

    /** @param first what the answers add to (this node's own part) */
    PendingRequest(RequestType type, int expected, List<T> first) {
        this.type = type;
        this.expected = expected;
        this.answers = new ArrayList<>(first);
    }

    void timer(LocalNamespace.Timer timer) {
        this.timer = timer;
    }

    /** One node answered; @return whether that was the last awaited answer */
    boolean answered(List<T> part) {
        answers.addAll(part);
        if (++received < expected) return false;
        if (timer != null) timer.cancel();
        result.complete(new ArrayList<>(answers)); // answers may be null
        return true;
    }

    void timeOut() {
        result.completeExceptionally(new ClusterTimeoutException("timeout reached: only " + received + " of "
                + expected + " nodes answered the " + type + " request", new ArrayList<>(answers)));
    }

    void fail(Throwable error) {
        if (timer != null) timer.cancel();
        result.completeExceptionally(error);
    }
}
