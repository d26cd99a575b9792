package dev.tidewire.internal.engine;

/** Inbound events of one WebSocket connection, fed by the container adapter in the order they arrive. */
public interface WebSocketHandler {
    void onText(String text);

    void onBinary(byte[] data);

    void onClose(int code);

    void onError(Throwable error);

    /** For a socket the engine refused after the 101: its frames are dropped while it closes. */
    WebSocketHandler IGNORE = new WebSocketHandler() {
        public void onText(String text) {
        }

        public void onBinary(byte[] data) {
        }

        public void onClose(int code) {
        }

        public void onError(Throwable error) {
        }
    };
}
