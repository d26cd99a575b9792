package dev.tidewire.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WebSocketConnection} that records frames (a {@code String} for text, a {@code byte[]} for binary) and
 * its close. Sends complete synchronously unless {@link #holdCompletions()} is on; then they wait for
 * {@link #completeNext()}, as with a slow client.
 */
final class FakeWebSocketConnection implements WebSocketConnection {
    final List<Object> frames = new ArrayList<>();
    private final ArrayDeque<SendCallback> held = new ArrayDeque<>();
    private boolean hold;
    private int window = 1;
    int maxInFlight;
    Integer closeCode;
    String closeReason;
    int closeCalls;

    FakeWebSocketConnection holdCompletions() {
        hold = true;
        return this;
    }

    /** Accepts up to {@code frames} sends in flight (the container's window). */
    FakeWebSocketConnection window(int frames) {
        window = frames;
        return this;
    }

    @Override
    public int maxFramesInFlight() {
        return window;
    }

    /** Stops holding and completes every held send. */
    void releaseAll() {
        hold = false;
        while (!held.isEmpty()) completeNext();
    }

    void completeNext() {
        SendCallback cb = held.poll();
        if (cb == null) throw new IllegalStateException("no send in flight");
        cb.onComplete(null);
    }

    void failNext(Throwable error) {
        SendCallback cb = held.poll();
        if (cb == null) throw new IllegalStateException("no send in flight");
        cb.onComplete(error);
    }

    int inFlight() {
        return held.size();
    }

    @Override
    public void sendText(String text, SendCallback callback) {
        record(text, callback);
    }

    @Override
    public void sendBinary(byte[] data, SendCallback callback) {
        record(data.clone(), callback);
    }

    private void record(Object frame, SendCallback callback) {
        frames.add(frame);
        if (hold) {
            held.add(callback);
            if (held.size() > window) throw new IllegalStateException("more sends in flight than the window allows");
            maxInFlight = Math.max(maxInFlight, held.size());
        } else {
            maxInFlight = Math.max(maxInFlight, 1);
            callback.onComplete(null);
        }
    }

    @Override
    public void close(int code, String reason) {
        closeCalls++;
        if (closeCode == null) {
            closeCode = code;
            closeReason = reason;
        }
    }

    boolean isClosed() {
        return closeCode != null;
    }

    /** The text frames, in order (binary frames left out). */
    List<String> textFrames() {
        return frames.stream().filter(f -> f instanceof String).map(f -> (String) f).toList();
    }
}
