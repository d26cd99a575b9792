package dev.tidewire.server;

import dev.tidewire.internal.engine.EngineSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Socket#conn()}: the connection under a socket, the reference's {@code socket.conn}, which cannot unhook
 * Socket.IO; its listeners run in the client's serial order on the handler executor.
 */
class ConnectionViewTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void connect() {
        c = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
    }

    private EngineSession session() {
        return t.engine.session(c.engineSid);
    }

    private static String show(EnginePacket p) {
        return p.type() + " " + (p.isBinary() ? p.binary().remaining() + " bytes" : p.text());
    }

    @Test
    void itIsAViewNotTheEngineSession() {
        Object conn = socket.conn();
        assertFalse(conn instanceof EngineSession, "the session could unhook Socket.IO or write raw frames");
        assertSame(socket.conn(), socket.conn(), "one view per connection");
        assertEquals(c.engineSid, socket.conn().id());
        assertEquals("websocket", socket.conn().transport());
        assertEquals("127.0.0.1", socket.conn().remoteAddress());
    }

    @Test
    void itsStateIsTheReferences() {
        Connection conn = socket.conn();
        assertEquals(4, conn.protocol());
        assertEquals(Connection.ReadyState.OPEN, conn.readyState());
        assertEquals("open", conn.readyState().wireName());
        assertFalse(conn.upgraded(), "opened over WebSocket: never upgraded");
        assertFalse(conn.upgrading());
        assertEquals("GET", conn.request().method());
        assertTrue(conn.request().url().startsWith("/socket.io/?EIO=4&transport=websocket"), conn.request().url());
        assertEquals("127.0.0.1", conn.request().remoteAddress());
    }

    @Test
    void closeDropsTheTransportWithoutADisconnectPacket() {
        int mark = c.mark();
        socket.conn().close();
        assertTrue(c.isClosed(), "the transport is closed");
        assertFalse(c.textsSince(mark).stream().anyMatch(f -> f.startsWith("41")), "no Socket.IO DISCONNECT");
        assertFalse(t.io.sockets().sockets().containsKey(socket.id()), "the socket left");
        assertEquals(Connection.ReadyState.CLOSED, socket.conn().readyState());
    }

    @Test
    void upgradingThenUpgradeListenersHearTheNewTransport() {
        socket.conn().onUpgrading(transport -> seen.add("upgrading " + transport))
                .onUpgrade(transport -> seen.add("upgrade " + transport));
        socket.client().onUpgrading(session(), "websocket"); // what the engine calls on "2probe"
        socket.client().onUpgrade(session(), "websocket"); // and on "5"
        assertEquals(List.of("upgrading websocket", "upgrade websocket"), seen);
    }

    @Test
    void packetListenersRunOnTheHandlerExecutorBeforeTheEventTheyCarry() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer held = new SioTestServer(SocketIoOptions.defaults(), executor);
        held.io.onConnection(s -> {
            s.conn().onPacket(p -> seen.add("packet " + show(p)));
            s.on("x", (args, ack) -> seen.add("event x " + args.get(0)));
        });
        SioTestServer.Peer peer = held.connect();
        peer.send("40");
        executor.runAll();
        peer.send("42[\"x\",1]");
        peer.send("42[\"x\",2]");
        assertEquals(List.of(), seen, "nothing ran on the reading thread");
        executor.runAll();
        assertEquals(List.of("packet message 2[\"x\",1]", "event x 1", "packet message 2[\"x\",2]", "event x 2"),
                seen, "in the client's order, each packet before the event it carries");
    }

    @Test
    void theServersPacketsAreCreatedFlushedAndDrainedAndThePongIsAHeartbeat() {
        Connection conn = socket.conn();
        conn.onPacketCreate(p -> seen.add("create " + show(p)))
                .onFlush(ps -> seen.add("flush " + ps.stream().map(ConnectionViewTest::show).toList()))
                .onDrain(() -> seen.add("drain"))
                .onHeartbeat(() -> seen.add("heartbeat"))
                .onPacket(p -> seen.add("packet " + show(p)));
        socket.emit("hi", "there");
        assertEquals(List.of("create message 2[\"hi\",\"there\"]", "flush [message 2[\"hi\",\"there\"]]", "drain"), seen);
        seen.clear();

        t.clock.advance(t.options.engine().pingInterval());
        assertEquals("2", c.lastText());
        assertEquals(List.of("create ping ", "flush [ping ]", "drain"), seen);
        seen.clear();
        c.send("3");
        assertEquals(List.of("packet pong ", "heartbeat"), seen);
    }

    @Test
    void binaryDataIsAReadOnlyViewOfTheBytes() {
        List<ByteBuffer> created = new ArrayList<>();
        List<ByteBuffer> received = new ArrayList<>();
        socket.conn().onPacketCreate(p -> {
            if (p.isBinary()) created.add(p.binary());
        }).onPacket(p -> {
            if (p.isBinary()) received.add(p.binary());
            seen.add(p.isBinary() ? "binary, text " + p.text() : p.text());
        });
        c.send("451-[\"bin\",{\"_placeholder\":true,\"num\":0}]").sendBinary(new byte[] {1, 2, 3});
        assertEquals(List.of("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", "binary, text null"), seen);
        assertEquals(1, received.size());
        ByteBuffer in = received.get(0);
        assertTrue(in.isReadOnly());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), in);
        assertThrows(ReadOnlyBufferException.class, () -> in.put(0, (byte) 9));

        byte[] sent = {4, 5};
        socket.emit("bin", (Object) sent);
        assertEquals(1, created.size());
        assertTrue(created.get(0).isReadOnly());
        assertEquals(ByteBuffer.wrap(sent), created.get(0));
    }

    @Test
    void offRemovesAListenerAndWithoutPacketListenersTheSessionIsNotWatched() {
        Consumer<EnginePacket> packets = p -> seen.add("packet " + show(p));
        Runnable heartbeats = () -> seen.add("heartbeat");
        Consumer<String> upgrades = transport -> seen.add("upgrade " + transport);
        Connection conn = socket.conn();
        assertFalse(session().isObserved(), "nobody listens yet: the engine pays one volatile read per packet");
        conn.onPacket(packets).onHeartbeat(heartbeats).onUpgrade(upgrades);
        assertTrue(session().isObserved());
        conn.offPacket(packets);
        assertTrue(session().isObserved(), "the heartbeat listener still watches");
        conn.offHeartbeat(heartbeats).offUpgrade(upgrades);
        assertFalse(session().isObserved());
        c.send("42[\"x\"]").send("3");
        socket.client().onUpgrade(session(), "websocket");
        assertEquals(List.of(), seen);
    }

    @Test
    void closeListenersHearTheReferencesReasonAfterTheDisconnectListeners() {
        socket.onDisconnect((s, reason) -> seen.add("disconnect " + reason));
        socket.conn().onClose((reason, description) -> seen.add("close " + reason + " " + description));
        c.closeTransport();
        assertEquals(List.of("disconnect transport close", "close transport close null"), seen);
    }

    @Test
    void aCloseByTheServerIsAForcedClose() {
        socket.conn().onClose((reason, description) -> seen.add("close " + reason.wireName() + " " + description));
        socket.disconnect(true);
        assertEquals(List.of("close forced close null"), seen);
    }

    @Test
    void aTransportErrorComesWithItsDescription() {
        socket.conn().onClose((reason, description) -> seen.add("close " + reason + ": " + description));
        c.send("2"); // a v4 client must not ping
        assertEquals(List.of("close transport error: invalid heartbeat direction"), seen);
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheOthersStillRun() {
        socket.conn().onPacket(p -> {
            throw new IllegalStateException("listener bug");
        }).onPacket(p -> seen.add("packet " + show(p)));
        c.send("42[\"x\"]");
        assertEquals(List.of("packet message 2[\"x\"]"), seen);
        assertTrue(session().isOpen());
    }

    @Test
    void listenersThatFallTooFarBehindCloseTheClientAsAFloodDoes() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer held = new SioTestServer(SocketIoOptions.defaults().withMaxPendingEvents(4), executor);
        held.io.onConnection(s -> {
            s.conn().onPacketCreate(p -> seen.add("create " + show(p)))
                    .onClose((reason, description) -> seen.add("close " + reason));
            s.onDisconnect((sock, reason) -> seen.add("disconnect " + reason));
        });
        SioTestServer.Peer peer = held.connect();
        peer.send("40");
        executor.runAll();
        Socket s = held.io.sockets().sockets().values().iterator().next();
        for (int i = 0; i < 5; i++) s.emit("n", i); // from a thread of the application's: queued, never run here
        assertEquals(List.of(), seen);
        executor.runAll();
        assertTrue(peer.isClosed());
        assertEquals(List.of("disconnect forced server close", "close forced close"), seen,
                "the queued events dropped as a flood's are; the close notice still runs, after the sockets'");
    }

    @Test
    void aV3ConnectionShowsTheClientsPingAndItsPong() {
        SioTestServer v3 = new SioTestServer(SocketIoOptions.defaults()
                .withEngine(SocketIoOptions.defaults().engine().toBuilder().allowEIO3(true).build()));
        List<Connection> conns = new ArrayList<>();
        v3.io.onConnection(s -> conns.add(s.conn()
                .onPacket(p -> seen.add("packet " + show(p)))
                .onPacketCreate(p -> seen.add("create " + show(p)))
                .onHeartbeat(() -> seen.add("heartbeat"))));
        SioTestServer.Peer peer = v3.connectEio3(Map.of());
        assertEquals(3, conns.get(0).protocol());
        peer.send("2");
        assertEquals("3", peer.lastText());
        assertEquals(List.of("packet ping ", "create pong ", "heartbeat"), seen);
    }
}
