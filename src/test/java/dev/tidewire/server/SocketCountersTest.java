package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The server's socket counters since start (connections, disconnections by reason), the engine packets a broadcast
 * writes, and the events waiting for handlers, read when asked.
 */
class SocketCountersTest {
    private final SioTestServer t = new SioTestServer();
    private final SocketCounters counters = t.io.counters();

    @Test
    void onlyAcceptedConnectsAreConnections() {
        t.io.of("/private").use(socket -> {
            throw new ConnectionRefusedException("no");
        });
        t.io.of("/admin");
        SioTestServer.Peer c = t.connect();
        c.send("40/private,");
        c.send("40/unknown,");
        assertEquals(0, counters.connections());
        c.connectTo("/");
        c.connectTo("/admin");
        assertEquals(2, counters.connections());
    }

    @Test
    void disconnectionsAreCountedOncePerSocketUnderTheirReason() {
        t.io.of("/admin");
        SioTestServer.Peer c = t.connect();
        c.connectTo("/");
        String admin = c.connectTo("/admin");
        c.send("41");
        t.io.of("/admin").sockets().get(admin).disconnect();
        SioTestServer.Peer d = t.connect();
        d.connectTo("/");
        d.connectTo("/admin");
        d.closeTransport();
        c.closeTransport(); // no socket left on c: nothing more to count

        assertEquals(1, counters.disconnections(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT));
        assertEquals(1, counters.disconnections(DisconnectReason.SERVER_NAMESPACE_DISCONNECT));
        assertEquals(2, counters.disconnections(DisconnectReason.TRANSPORT_CLOSE));
        assertEquals(4, Arrays.stream(DisconnectReason.values()).mapToLong(counters::disconnections).sum(),
                "and no other");
    }

    @Test
    void aBroadcastIsOneEnginePacketPerRecipientWritten() {
        List<SioTestServer.Peer> peers = List.of(t.connect(), t.connect(), t.connect());
        for (SioTestServer.Peer p : peers) p.connectTo("/");
        long packets = t.engine.counters().packetsOut();
        long bytes = t.engine.counters().bytesOut();

        t.io.emit("news", "hi");

        String frame = "42[\"news\",\"hi\"]";
        for (SioTestServer.Peer p : peers) assertEquals(frame, p.lastText());
        assertEquals(packets + 3, t.engine.counters().packetsOut());
        assertEquals(bytes + 3L * frame.length(), t.engine.counters().bytesOut());
    }

    @Test
    void pendingEventsAreThoseNotYetHandedToHandlers() {
        List<Runnable> drains = new ArrayList<>();
        SioTestServer held = new SioTestServer(SocketIoOptions.defaults(), drains::add);
        SioTestServer.Peer a = held.connect();
        SioTestServer.Peer b = held.connect();
        a.connectTo("/"); // accepted on the reading thread: "/" has no blocking connection listener
        b.connectTo("/");
        a.send("42[\"x\"]").send("42[\"y\"]");
        b.send("42[\"z\"]");
        assertEquals(3, held.io.pendingEvents());

        List.copyOf(drains).forEach(Runnable::run);
        assertEquals(0, held.io.pendingEvents());
    }
}
