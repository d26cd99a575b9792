package dev.tidewire.server;

import java.util.function.Consumer;

/**
 * The Engine.IO connection under a socket ({@link Socket#conn()}), as the reference's {@code socket.conn}, narrowed
 * to what an application needs: it cannot unhook Socket.IO from the connection or write raw frames.
 */
public interface Connection {
    /** The Engine.IO session id (not the socket's id). */
    String id();

    /** {@code polling} or {@code websocket}. */
    String transport();

    /** The client's address as the container saw it. */
    String remoteAddress();

    /** Drops the transport without a Socket.IO DISCONNECT: the client sees "transport close" and reconnects. */
    void close();

    /**
     * Called with the new transport's name when the connection upgrades (polling → websocket), in the client's
     * serial order like every other callback.
     */
    void onUpgrade(Consumer<String> listener);
}
