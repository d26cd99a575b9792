package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reserved event names cannot be emitted by the server: every emit path throws and nothing is written. */
class ReservedEventsTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;

    @BeforeEach
    void connect() {
        c = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
        socket.join("room");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"})
    void everyEmitPathRejectsAReservedName(String name) {
        int mark = c.mark();
        assertThrows(IllegalArgumentException.class, () -> socket.emit(name));
        assertThrows(IllegalArgumentException.class, () -> socket.emitVolatile(name, 1));
        assertThrows(IllegalArgumentException.class, () -> socket.emitWithAck(name));
        assertThrows(IllegalArgumentException.class, () -> socket.timeout(100).emitWithAck(name));
        assertThrows(IllegalArgumentException.class, () -> socket.broadcast().emit(name));
        assertThrows(IllegalArgumentException.class, () -> t.io.emit(name));
        assertThrows(IllegalArgumentException.class, () -> t.io.to("room").emit(name));
        assertThrows(IllegalArgumentException.class, () -> t.io.asVolatile().emit(name));
        assertThrows(IllegalArgumentException.class, () -> t.io.of("/other").emit(name));
        c.assertNothingSince(mark);
    }

    @Test
    void aRejectedEmitWithAckConsumesNoAckIdAndLeavesNoTimer() {
        int timers = t.clock.pendingTimers();
        assertThrows(IllegalArgumentException.class, () -> socket.timeout(1000).emitWithAck("disconnect"));
        assertEquals(timers, t.clock.pendingTimers());
        socket.emitWithAck("fine");
        assertEquals("420[\"fine\"]", c.lastText()); // the reference checks the name before taking an id
    }

    @Test
    void aParentNamespaceRejectsAReservedNameForItsChildren() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-.*"));
        c.connectTo("/d-1");
        int mark = c.mark();
        assertThrows(IllegalArgumentException.class, () -> parent.emit("disconnect"));
        c.assertNothingSince(mark);
    }

    @Test
    void ordinaryNamesThatLookSimilarAreFine() {
        socket.emit("connection");
        socket.emit("message", "hi");
        socket.emit("Disconnect");
        assertEquals("42[\"Disconnect\"]", c.lastText());
    }
}
