package dev.tidewire.internal.redis;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The useful part of an exception from an asynchronous call, for one log line or an exception message. */
final class Causes {
    private Causes() {
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The innermost message: "Connection refused" rather than the chain of wrappers around it. */
    static String message(Throwable error) {
        Throwable e = unwrap(error);
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
