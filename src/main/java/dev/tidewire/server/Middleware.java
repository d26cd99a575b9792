package dev.tidewire.server;

/**
 * Runs for each CONNECT to a namespace before the socket is admitted. Return normally to admit; throw a
 * {@link ConnectionRefusedException} (or any exception, whose message is used) to refuse with CONNECT_ERROR.
 * May block: it runs on the handler executor, in order with the client's other events.
 */
@FunctionalInterface
public interface Middleware {
    void check(Socket socket) throws Exception;
}
