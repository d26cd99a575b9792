package dev.tidewire.engine;

/** The container's WebSocket connection, as the engine uses it. Sends are asynchronous; one is in flight at a time. */
public interface WebSocketConnection {
    void sendText(String text, SendCallback callback);

    void sendBinary(byte[] data, SendCallback callback);

    /** Closes with a WebSocket close code; safe to call more than once. */
    void close(int code, String reason);

    @FunctionalInterface
    interface SendCallback {
        /** @param error {@code null} when the frame was written */
        void onComplete(Throwable error);
    }
}
