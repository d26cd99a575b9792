package dev.tidewire.internal.engine;

/**
 * The container's WebSocket connection, as the engine uses it. Sends are asynchronous; at most
 * {@link #maxFramesInFlight()} are in flight at a time, handed over by one thread at a time, in order.
 */
public interface WebSocketConnection {
    void sendText(String text, SendCallback callback);

    void sendBinary(byte[] data, SendCallback callback);

    /**
     * How many frames the container accepts before the earlier ones complete, writing them in the order given.
     * More than one lets the container write several frames with one system call (measured: a broadcast to busy
     * receivers), but only a container that queues sends in order may answer more than 1.
     */
    default int maxFramesInFlight() {
        return 1;
    }

    /** Closes with a WebSocket close code; safe to call more than once. */
    void close(int code, String reason);

    @FunctionalInterface
    interface SendCallback {
        /** @param error {@code null} when the frame was written */
        void onComplete(Throwable error);
    }
}
