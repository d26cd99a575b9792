package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.WebSocketConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/**
 * The engine's view of a JSR-356 session: asynchronous sends. The specification lets a container refuse a send
 * while another is in progress, so the engine keeps one in flight, except on Undertow (WildFly), whose sessions
 * queue sends in order and write queued frames together. Closes run where the container needs them to (see
 * {@link OffDispatchClose}).
 */
final class JsrWebSocketConnection implements WebSocketConnection {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    static final int UNDERTOW_FRAMES_IN_FLIGHT = 16;

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final int maxFramesInFlight;
    private final OffDispatchClose offDispatch;

    /** @param offDispatch how closes are deferred, or {@code null} to close on the calling thread */
    JsrWebSocketConnection(Session session, OffDispatchClose offDispatch) {
        this.session = session;
        this.offDispatch = offDispatch;
        this.remote = session.getAsyncRemote();
        this.maxFramesInFlight = Containers.isUndertow(session) ? UNDERTOW_FRAMES_IN_FLIGHT : 1;
    }

    @Override
    public int maxFramesInFlight() {
        return maxFramesInFlight;
    }

    @Override
    public void sendText(String text, SendCallback callback) {
        remote.sendText(text, result -> callback.onComplete(result.isOK() ? null : result.getException()));
    }

    @Override
    public void sendBinary(byte[] data, SendCallback callback) {
        remote.sendBinary(ByteBuffer.wrap(data), result -> callback.onComplete(result.isOK() ? null : result.getException()));
    }

    @Override
    public void close(int code, String reason) {
        CloseReason closeReason = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
        if (offDispatch == null) closeNow(session, closeReason);
        else offDispatch.close(() -> closeNow(session, closeReason));
    }

    private static void closeNow(Session session, CloseReason reason) {
        if (!session.isOpen()) return;
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing websocket failed: {0}", e.toString());
        }
    }
}
