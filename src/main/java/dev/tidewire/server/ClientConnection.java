package dev.tidewire.server;

import dev.tidewire.internal.engine.EngineSession;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link Connection} over an Engine.IO session. */
final class ClientConnection implements Connection {
    private final EngineSession session;
    private final List<Consumer<String>> upgradeListeners = new CopyOnWriteArrayList<>();

    ClientConnection(EngineSession session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public String transport() {
        return session.transport();
    }

    @Override
    public String remoteAddress() {
        return session.request().remoteAddress();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public void onUpgrade(Consumer<String> listener) {
        upgradeListeners.add(listener);
    }

    /** Runs the upgrade listeners through {@code serially} (the client's serial order). */
    void upgraded(String transport, Consumer<Runnable> serially) {
        for (Consumer<String> l : upgradeListeners) serially.accept(() -> l.accept(transport));
    }
}
