package dev.tidewire.server;

import dev.tidewire.internal.engine.WebSocketConnection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link WebSocketConnection} that records every frame as the object it was given (a {@code String} for text, the
 * very {@code byte[]} for binary, so that identity can be checked) and its close code. Sends complete synchronously
 * unless {@link #hold()} is on; then they wait for {@link #release()}, as with a slow client.
 */
final class FakeWebSocket implements WebSocketConnection {
    private final List<Object> frames = new ArrayList<>();
    private final ArrayDeque<SendCallback> held = new ArrayDeque<>();
    private boolean holding;
    private Integer closeCode;
    private int framesAtClose = -1;
    private volatile Consumer<Object> peer = frame -> { };

    @Override
    public void sendText(String text, SendCallback callback) {
        record(text, callback);
    }

    @Override
    public void sendBinary(byte[] data, SendCallback callback) {
        record(data, callback);
    }

    private void record(Object frame, SendCallback callback) {
        SendCallback now = null;
        synchronized (this) {
            frames.add(frame);
            if (holding) held.add(callback);
            else now = callback;
        }
        if (now != null) now.onComplete(null);
        peer.accept(frame);
    }

    /** The client reacts to each frame as soon as it is sent, on the sending thread (a fast client on another one). */
    void onEachFrame(Consumer<Object> reaction) {
        peer = reaction;
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closeCode == null) {
            closeCode = code;
            framesAtClose = frames.size();
        }
    }

    /** From now on, sends stay in flight until {@link #release()}. */
    synchronized void hold() {
        holding = true;
    }

    /** Completes the sends in flight and stops holding. */
    void release() {
        while (true) {
            SendCallback cb;
            synchronized (this) {
                holding = false;
                cb = held.poll();
            }
            if (cb == null) return;
            cb.onComplete(null);
        }
    }

    synchronized List<Object> frames() {
        return List.copyOf(frames);
    }

    synchronized int frameCount() {
        return frames.size();
    }

    synchronized Integer closeCode() {
        return closeCode;
    }

    /** How many frames had been sent when the connection was closed ({@code -1} while open). */
    synchronized int framesAtClose() {
        return framesAtClose;
    }

    synchronized boolean isClosed() {
        return closeCode != null;
    }
}
