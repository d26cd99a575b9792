package dev.tidewire.internal.engine;

/** The {@code allowRequest} hook: decides whether a handshake may proceed. */
@FunctionalInterface
public interface AllowRequest {
    /** @return {@code null} to accept, or the message to send with error 4 (403 Forbidden). */
    String check(RequestInfo request);

    AllowRequest ALLOW_ALL = request -> null;
}
