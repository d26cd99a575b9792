package dev.tidewire.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The recoverable sockets whose connection has closed and whose close has not run yet, by private session id. A
 * socket's close runs after the events it had already sent (its client's serial order, on the handler executor), and
 * only then is its session kept for recovery. A client that reconnects at once can have its recovering CONNECT handled
 * in between, on another thread; it waits here for the close, as it would come after it on the reference's one
 * thread.
 */
final class ClosingSessions {
    private final Map<String, CompletableFuture<Void>> closing = new ConcurrentHashMap<>();

    /** The connection of the sockets with these private ids closed; their close is queued. */
    void closing(List<String> pids) {
        for (String pid : pids) closing.put(pid, new CompletableFuture<>());
    }

    /** Their close has run: their sessions are kept, or were not recoverable after all. */
    void closed(List<String> pids) {
        for (String pid : pids) {
            CompletableFuture<Void> done = closing.remove(pid);
            if (done != null) done.complete(null);
        }
    }

    /**
     * Waits up to {@code millis} for the close of the socket with private id {@code pid}, when one is queued.
     *
     * @return false when it had not run by then
     */
    boolean awaitClosed(String pid, long millis) throws InterruptedException {
        CompletableFuture<Void> done = closing.get(pid);
        if (done == null) return true;
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // never completed exceptionally; the close is over either way
        }
    }
}
