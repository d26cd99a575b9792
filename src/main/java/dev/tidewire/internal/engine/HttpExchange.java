package dev.tidewire.internal.engine;

/**
 * One HTTP request of the polling transport (or a handshake), as the container adapter presents it. The engine
 * answers it exactly once with {@link #respond}, possibly later and from another thread (a held poll).
 */
public interface HttpExchange {
    /**
     * How far past the limit given to {@link #readBody} an adapter reads and drops a body before it reports it too
     * large. After a close with request bytes unread, the kernel answers the client's further bytes with a reset, so a
     * client still writing its body fails with a broken pipe and may never read the 413 (Payara closes at once: the
     * JDK's HttpClient lost the 413 of about one oversized POST in 150). A body declared longer than the limit plus
     * this is refused at once, at that risk.
     */
    int OVERSIZED_BODY_DRAIN_BYTES = 1 << 20;

    String method();

    RequestInfo request();

    /**
     * Reads the request body without blocking the calling thread; exactly one callback method is invoked.
     *
     * @param limit the most bytes accepted; a larger body (declared or streamed) gives {@link BodyCallback#onTooLarge()},
     *     after the adapter has read and dropped the rest of it (at most {@link #OVERSIZED_BODY_DRAIN_BYTES} more),
     *     so that the answer is not lost when the connection closes
     */
    void readBody(int limit, BodyCallback callback);

    /**
     * Writes the response and ends the exchange; must not block the calling thread. A refusal given before the body
     * was read leaves it unread: only the 413 is worth reading a body for, since the session lives on after it. After
     * any other refusal a client still writing a large body may see a reset instead of the status; its request failed
     * either way, and reading on would let a client that stalls its body hold the connection.
     */
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
