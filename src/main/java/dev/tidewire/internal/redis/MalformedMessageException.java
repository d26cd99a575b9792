package dev.tidewire.internal.redis;

/** A message from Redis that is not in the reference's format: it is logged in one line and ignored. */
final class MalformedMessageException extends RuntimeException {
    MalformedMessageException(String message) {
        super(message, null, false, false);
    }

    MalformedMessageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), null, false, false);
    }
}
