package dev.tidewire.internal.engine;

/** Told of every new session before its first packet is read; installs the session's {@link SessionListener}. */
@FunctionalInterface
public interface ConnectionListener {
    void onConnection(EngineSession session);
}
