package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failing application handler is caught (and logged by the server); the connection and the client's later events
 * carry on. (The log lines themselves are not asserted: on the test classpath jboss-modules installs its own
 * {@code System.LoggerFinder}, which does not reach {@code java.util.logging} handlers until a log manager is active.)
 */
class HandlerErrorsTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;
    private final List<Object> later = new ArrayList<>();

    @BeforeEach
    void setUp() {
        c = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
        socket.on("later", (args, ack) -> later.add(args));
    }

    private void assertStillServing() {
        assertFalse(c.isClosed());
        assertTrue(socket.connected());
        c.send("42[\"later\",1]");
        assertEquals(List.of(List.of(1L)), later);
    }

    @Test
    void aRuntimeException() {
        socket.on("boom", (args, ack) -> {
            throw new IllegalStateException("boom");
        });
        c.send("42[\"boom\"]");
        assertStillServing();
    }

    @Test
    void aCheckedException() {
        socket.on("io", (args, ack) -> {
            throw new IOException("disk");
        });
        c.send("42[\"io\"]");
        assertStillServing();
    }

    @Test
    void laterHandlersOfTheSameEventStillRun() {
        List<String> calls = new ArrayList<>();
        socket.on("e", (args, ack) -> {
            throw new IllegalStateException("first");
        });
        socket.on("e", (args, ack) -> calls.add("second"));
        c.send("42[\"e\"]");
        assertEquals(List.of("second"), calls);
        assertStillServing();
    }

    @Test
    void aHandlerThatFailsAfterAnsweringKeepsItsAnswer() {
        socket.on("q", (args, ack) -> {
            ack.send("answer");
            throw new IllegalStateException("after the ack");
        });
        c.send("421[\"q\"]");
        assertEquals("431[\"answer\"]", c.lastText());
        assertStillServing();
    }

    @Test
    void anAckWithAnUnwritableValueFailsInTheHandlerOnly() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        List<Throwable> thrown = new ArrayList<>();
        socket.on("q", (args, ack) -> {
            try {
                ack.send(cyclic);
            } catch (RuntimeException e) {
                thrown.add(e);
                throw e;
            }
        });
        int mark = c.mark();
        c.send("421[\"q\"]");
        assertInstanceOf(IllegalArgumentException.class, thrown.get(0));
        c.assertNothingSince(mark);
        assertStillServing();
    }

    @Test
    void aFailingOnAnyListenerDoesNotStopTheHandlers() {
        List<String> calls = new ArrayList<>();
        socket.onAny((event, args) -> {
            throw new IllegalStateException("any");
        });
        socket.on("e", (args, ack) -> calls.add("e"));
        c.send("42[\"e\"]");
        assertEquals(List.of("e"), calls);
        assertStillServing();
    }

    @Test
    void aFailingConnectionListenerLeavesTheSocketConnected() {
        t.io.onConnection(s -> {
            throw new IllegalStateException("listener");
        });
        SioTestServer.Peer other = t.connect();
        String id = other.connectTo("/");
        assertFalse(other.isClosed());
        assertTrue(t.io.sockets().sockets().get(id).connected());
    }

    @Test
    void aFailingMiddlewareWithoutMessageRefusesWithItsClassName() {
        t.io.of("/m").use(s -> {
            throw new NullPointerException();
        });
        c.send("40/m,");
        assertEquals("44/m,{\"message\":\"NullPointerException\"}", c.lastText());
        assertStillServing();
    }
}
