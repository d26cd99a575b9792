package dev.tidewire.server;

import dev.tidewire.internal.engine.EngineSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Socket#conn()}: the connection under a socket, a narrow view that cannot unhook Socket.IO. */
class ConnectionViewTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;

    @BeforeEach
    void connect() {
        c = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
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
    void closeDropsTheTransportWithoutADisconnectPacket() {
        int mark = c.mark();
        socket.conn().close();
        assertTrue(c.isClosed(), "the transport is closed");
        assertFalse(c.textsSince(mark).stream().anyMatch(f -> f.startsWith("41")), "no Socket.IO DISCONNECT");
        assertFalse(t.io.sockets().sockets().containsKey(socket.id()), "the socket left");
    }

    @Test
    void upgradeListenersHearTheNewTransport() {
        List<String> heard = new ArrayList<>();
        socket.conn().onUpgrade(heard::add);
        socket.client().onUpgrade(t.engine.session(c.engineSid), "websocket"); // what the engine calls on "5"
        assertEquals(List.of("websocket"), heard);
    }
}
