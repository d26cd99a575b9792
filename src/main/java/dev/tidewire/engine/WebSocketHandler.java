package dev.tidewire.engine;

/** Inbound events of one WebSocket connection, fed by the container adapter in the order they arrive. */
public interface WebSocketHandler {
    void onText(String text);

    void onBinary(byte[] data);

    void onClose(int code);

    void onError(Throwable error);
}
