package dev.tidewire.jakarta;

import dev.tidewire.engine.WebSocketConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/** The engine's view of a JSR-356 session: asynchronous sends, one in flight at a time (the engine ensures it). */
final class JsrWebSocketConnection implements WebSocketConnection {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");

    private final Session session;
    private final RemoteEndpoint.Async remote;

    JsrWebSocketConnection(Session session) {
        this.session = session;
        this.remote = session.getAsyncRemote();
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
        if (!session.isOpen()) return;
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing websocket failed: {0}", e.toString());
        }
    }
}
