package dev.tidewire.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A raw Engine.IO WebSocket over {@link java.net.http.WebSocket}: frames arrive in a queue (String or byte[]),
 * server pings ({@code 2}) are answered with {@code 3} and kept out of the queue while {@link #autoPong} is on.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    /** The server closed (or the socket failed): the close code, or -1 for an error. */
    record Closed(int code, String reason, Throwable error) {
    }

    final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    volatile boolean autoPong = true;
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    /** A WebSocket-first Engine.IO session whose open packet has been read. */
    static WsClient openSession(Eio eio) {
        WsClient c = connect(eio.ws("EIO=4&transport=websocket"));
        c.nextText();
        return c;
    }

    static WsClient connect(URI uri) {
        WsClient c = new WsClient();
        try {
            c.socket = Eio.HTTP.newWebSocketBuilder().connectTimeout(Eio.WAIT).buildAsync(uri, c)
                    .get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("WebSocket " + uri + " failed: " + e, e);
        }
        return c;
    }

    /** Connects expecting the server to refuse the upgrade; returns the handshake failure. */
    static WebSocketHandshakeException refused(URI uri) {
        try {
            WebSocket ws = Eio.HTTP.newWebSocketBuilder().connectTimeout(Eio.WAIT).buildAsync(uri, new WsClient())
                    .get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            ws.abort();
            throw new AssertionError("WebSocket " + uri + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h;
            throw new AssertionError("WebSocket " + uri + " failed otherwise: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    synchronized void send(String frame) {
        sending = sending.thenCompose(x -> socket.sendText(frame, true));
        join();
    }

    synchronized void sendBinary(byte[] data) {
        sending = sending.thenCompose(x -> socket.sendBinary(ByteBuffer.wrap(data), true));
        join();
    }

    private void join() {
        try {
            sending.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("send failed: " + e, e);
        }
    }

    /** The next frame that is not an auto-answered ping. */
    Object next() {
        try {
            Object f = frames.poll(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(f, "no frame within " + Eio.WAIT);
            return f;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    String nextText() {
        Object f = next();
        assertTrue(f instanceof String, () -> "expected a text frame, got " + f);
        return (String) f;
    }

    /** Sends {@code 4<text>} and expects it back. */
    void assertEchoes(String text) {
        send("4" + text);
        assertEquals("4" + text, nextText());
    }

    void assertEchoesBinary(byte[] data) {
        sendBinary(data);
        Object f = next();
        assertTrue(f instanceof byte[], () -> "expected a binary frame, got " + f);
        assertArrayEquals(data, (byte[]) f);
    }

    Closed awaitClosed() {
        try {
            return closed.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the WebSocket: " + e + "; frames received: "
                    + frames.stream().map(f -> f instanceof String t ? "text(" + t.length() + ")"
                    : "binary(" + ((byte[]) f).length + ")").toList(), e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String frame = text.toString();
            text.setLength(0);
            if (autoPong && frame.equals("2")) {
                CompletableFuture.runAsync(() -> {
                    try {
                        send("3");
                    } catch (AssertionError ignored) {
                        // the socket is closing
                    }
                });
            } else {
                frames.add(frame);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            frames.add(binary.toByteArray());
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason, null));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(new Closed(-1, null, error));
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
        if (socket != null) socket.abort();
    }
}
