package dev.tidewire.internal.engine;

/**
 * One HTTP request of the polling transport (or a handshake), as the container adapter presents it. The engine
 * answers it exactly once with {@link #respond}, possibly later and from another thread (a held poll).
 */
public interface HttpExchange {
    String method();

    RequestInfo request();

    /**
     * Reads the request body without blocking the calling thread; exactly one callback method is invoked.
     *
     * @param limit the most bytes accepted; a larger body (declared or streamed) gives {@link BodyCallback#onTooLarge()},
     *     possibly after the adapter has read and dropped the rest of it, so that the answer is not lost when the
     *     connection closes
     */
    void readBody(int limit, BodyCallback callback);

    /** Writes the response and ends the exchange; must not block the calling thread. */
    void respond(HttpResponse response);

    /**
     * Gives up on a request whose body is still arriving (its session closed, as the reference destroys such a
     * request): no body callback follows, and the request is answered 400 with {@code Connection: close} unless it
     * was answered already, so that neither the request nor its connection outlives the session.
     */
    void abort();

    interface BodyCallback {
        void onBody(byte[] body);

        void onTooLarge();

        void onError(Throwable error);
    }
}
