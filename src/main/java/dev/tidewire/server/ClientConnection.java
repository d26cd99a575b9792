package dev.tidewire.server;

import dev.tidewire.internal.engine.CloseReason;
import dev.tidewire.internal.engine.EngineSession;
import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.SessionObserver;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@link Connection} over an Engine.IO session. Listener lists are copy-on-write (changed under this object's lock,
 * read without it); the session's observer is this object exactly while a packet-level list is not empty. Each event
 * becomes one task on the client's serial executor that calls the listeners of the moment, each guarded, so that one
 * that throws neither silences the others nor breaks the client's order.
 */
final class ClientConnection implements Connection, SessionObserver {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private final EngineSession session;
    private final Client client;

    private volatile List<Consumer<String>> upgradingListeners = List.of();
    private volatile List<Consumer<String>> upgradeListeners = List.of();
    private volatile List<Consumer<EnginePacket>> packetListeners = List.of();
    private volatile List<Consumer<EnginePacket>> packetCreateListeners = List.of();
    private volatile List<Consumer<List<EnginePacket>>> flushListeners = List.of();
    private volatile List<Runnable> drainListeners = List.of();
    private volatile List<Runnable> heartbeatListeners = List.of();
    private volatile List<BiConsumer<DisconnectReason, String>> closeListeners = List.of();

    ClientConnection(EngineSession session, Client client) {
        this.session = session;
        this.client = client;
    }

    // ---------------------------------------------------------------- state

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public int protocol() {
        return session.protocol().revision();
    }

    @Override
    public String transport() {
        return session.transport();
    }

    @Override
    public ReadyState readyState() {
        return switch (session.state()) {
            case OPEN -> ReadyState.OPEN;
            case CLOSING -> ReadyState.CLOSING;
            case CLOSED -> ReadyState.CLOSED;
        };
    }

    @Override
    public boolean upgraded() {
        return session.upgraded();
    }

    @Override
    public boolean upgrading() {
        return session.upgrading();
    }

    @Override
    public String remoteAddress() {
        return session.request().remoteAddress();
    }

    @Override
    public EngineHooks.Request request() {
        return EngineHooks.Request.of("GET", session.request());
    }

    @Override
    public void close() {
        session.close();
    }

    // ---------------------------------------------------------------- listeners

    @Override
    public synchronized Connection onUpgrading(Consumer<String> listener) {
        upgradingListeners = Listeners.plus(upgradingListeners, listener);
        return this;
    }

    @Override
    public synchronized Connection offUpgrading(Consumer<String> listener) {
        upgradingListeners = Listeners.minus(upgradingListeners, listener);
        return this;
    }

    @Override
    public synchronized Connection onUpgrade(Consumer<String> listener) {
        upgradeListeners = Listeners.plus(upgradeListeners, listener);
        return this;
    }

    @Override
    public synchronized Connection offUpgrade(Consumer<String> listener) {
        upgradeListeners = Listeners.minus(upgradeListeners, listener);
        return this;
    }

    @Override
    public synchronized Connection onPacket(Consumer<EnginePacket> listener) {
        packetListeners = Listeners.plus(packetListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection offPacket(Consumer<EnginePacket> listener) {
        packetListeners = Listeners.minus(packetListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection onPacketCreate(Consumer<EnginePacket> listener) {
        packetCreateListeners = Listeners.plus(packetCreateListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection offPacketCreate(Consumer<EnginePacket> listener) {
        packetCreateListeners = Listeners.minus(packetCreateListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection onFlush(Consumer<List<EnginePacket>> listener) {
        flushListeners = Listeners.plus(flushListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection offFlush(Consumer<List<EnginePacket>> listener) {
        flushListeners = Listeners.minus(flushListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection onDrain(Runnable listener) {
        drainListeners = Listeners.plus(drainListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection offDrain(Runnable listener) {
        drainListeners = Listeners.minus(drainListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection onHeartbeat(Runnable listener) {
        heartbeatListeners = Listeners.plus(heartbeatListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection offHeartbeat(Runnable listener) {
        heartbeatListeners = Listeners.minus(heartbeatListeners, listener);
        return watchPackets();
    }

    @Override
    public synchronized Connection onClose(BiConsumer<DisconnectReason, String> listener) {
        closeListeners = Listeners.plus(closeListeners, listener);
        return this;
    }

    @Override
    public synchronized Connection offClose(BiConsumer<DisconnectReason, String> listener) {
        closeListeners = Listeners.minus(closeListeners, listener);
        return this;
    }

    /** Makes this the session's observer exactly while a packet-level listener is there (called under the lock). */
    private Connection watchPackets() {
        boolean watched = !packetListeners.isEmpty() || !packetCreateListeners.isEmpty() || !flushListeners.isEmpty()
                || !drainListeners.isEmpty() || !heartbeatListeners.isEmpty();
        session.observe(watched ? this : null);
        return this;
    }

    // ---------------------------------------------------------------- events from the engine (I/O and timer threads)

    @Override
    public void received(Packet packet) {
        List<Consumer<EnginePacket>> listeners = packetListeners;
        if (!listeners.isEmpty()) dispatch(listeners, EnginePacket.of(packet));
    }

    @Override
    public void created(List<Packet> packets) {
        List<Consumer<EnginePacket>> listeners = packetCreateListeners;
        if (listeners.isEmpty()) return;
        for (Packet p : packets) dispatch(listeners, EnginePacket.of(p));
    }

    @Override
    public void flushed(List<Packet> packets) {
        List<Consumer<List<EnginePacket>>> listeners = flushListeners;
        if (!listeners.isEmpty()) dispatch(listeners, EnginePacket.of(packets));
    }

    @Override
    public void drained() {
        run(drainListeners);
    }

    @Override
    public void heartbeat() {
        run(heartbeatListeners);
    }

    void upgrading(String transport) {
        List<Consumer<String>> listeners = upgradingListeners;
        if (!listeners.isEmpty()) dispatch(listeners, transport);
    }

    void upgraded(String transport) {
        List<Consumer<String>> listeners = upgradeListeners;
        if (!listeners.isEmpty()) dispatch(listeners, transport);
    }

    /** The session closed: the close listeners run once, after every task the client has queued. */
    void closed(CloseReason reason, String description) {
        session.observe(null);
        List<BiConsumer<DisconnectReason, String>> listeners = closeListeners;
        if (listeners.isEmpty()) return;
        DisconnectReason why = DisconnectReason.of(reason);
        client.runLast(() -> {
            for (BiConsumer<DisconnectReason, String> l : listeners) guarded(() -> l.accept(why, description));
        });
    }

    private <T> void dispatch(List<Consumer<T>> listeners, T value) {
        client.runConnectionEvent(() -> {
            for (Consumer<T> l : listeners) guarded(() -> l.accept(value));
        });
    }

    private void run(List<Runnable> listeners) {
        if (listeners.isEmpty()) return;
        client.runConnectionEvent(() -> {
            for (Runnable l : listeners) guarded(l);
        });
    }

    private void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a listener of connection " + session.id() + " failed", e);
        }
    }
}
