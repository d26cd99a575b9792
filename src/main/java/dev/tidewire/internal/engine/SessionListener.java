package dev.tidewire.internal.engine;

/** What the layer above (Socket.IO, or an echo fixture) hears from one session. */
public interface SessionListener {
    void onMessage(EngineSession session, String text);

    void onBinaryMessage(EngineSession session, byte[] data);

    void onClose(EngineSession session, CloseReason reason);

    /**
     * A client began to upgrade to {@code transport}: it sent the probe ping on its probe socket, and was answered (the
     * reference's {@code upgrading}). The upgrade may still fail or time out.
     */
    default void onUpgrading(EngineSession session, String transport) {
    }

    /** The session switched to {@code transport} (a completed polling → WebSocket upgrade). */
    default void onUpgrade(EngineSession session, String transport) {
    }

    SessionListener NONE = new SessionListener() {
        public void onMessage(EngineSession session, String text) {
        }

        public void onBinaryMessage(EngineSession session, byte[] data) {
        }

        public void onClose(EngineSession session, CloseReason reason) {
        }
    };
}
