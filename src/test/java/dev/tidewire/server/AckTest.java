package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acknowledgements both ways: client-requested acks and server emits with ack (timeouts on the manual clock). */
class AckTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;

    @BeforeEach
    void connect() {
        c = t.connect();
        String sid = c.connectTo("/");
        socket = t.io.sockets().sockets().get(sid);
    }

    // ---------------------------------------------------------------- client asks, server answers

    @Test
    void theHandlerGetsTheArgumentsAndItsAckIsSentOnce() {
        List<Object> got = new ArrayList<>();
        socket.on("hello", (args, ack) -> {
            got.add(args);
            ack.send("x", 2);
            ack.send("second call ignored");
        });
        int mark = c.mark();
        c.send("4213[\"hello\",1]");
        assertEquals(List.of(List.of(1L)), got);
        assertEquals(List.of("4313[\"x\",2]"), c.textsSince(mark));
    }

    @Test
    void anAckMaySendNoArgumentsAndMayBeCalledLater() {
        Ack[] saved = new Ack[1];
        socket.on("later", (args, ack) -> saved[0] = ack);
        c.send("425[\"later\"]");
        int mark = c.mark();
        saved[0].send();
        saved[0].send();
        assertEquals(List.of("435[]"), c.textsSince(mark));
    }

    @Test
    void ackOnACustomNamespace() {
        t.io.of("/admin");
        String id = c.connectTo("/admin");
        t.io.of("/admin").sockets().get(id).on("q", (args, ack) -> ack.send("a"));
        c.send("42/admin,7[\"q\"]");
        assertEquals("43/admin,7[\"a\"]", c.lastText());
    }

    @Test
    void aBinaryAckIsSentAsBinaryAck() {
        socket.on("get", (args, ack) -> ack.send("meta", new byte[] {8, 9}));
        int mark = c.mark();
        c.send("4215[\"get\"]");
        List<Object> frames = c.framesSince(mark);
        assertEquals(2, frames.size(), frames.toString());
        assertEquals("461-15[\"meta\",{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertArrayEquals(new byte[] {8, 9}, (byte[]) frames.get(1));
    }

    @Test
    void aBinaryEventWithAckIdGetsItsAck() {
        List<Object> got = new ArrayList<>();
        socket.on("up", (args, ack) -> {
            got.addAll(args);
            ack.send(((byte[]) args.get(0)).length);
        });
        c.send("451-3[\"up\",{\"_placeholder\":true,\"num\":0}]");
        c.sendBinary(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) got.get(0));
        assertEquals("433[3]", c.lastText());
    }

    @Test
    void anAckAfterTheSocketLeftIsNotSent() {
        Ack[] saved = new Ack[1];
        socket.on("q", (args, ack) -> saved[0] = ack);
        c.send("421[\"q\"]");
        c.send("41");
        int mark = c.mark();
        saved[0].send("too late");
        c.assertNothingSince(mark);
    }

    // ---------------------------------------------------------------- server asks, client answers

    @Test
    void emitWithAckCompletesWithTheClientsAckArguments() {
        CompletableFuture<List<Object>> f = socket.emitWithAck("q", 1).toCompletableFuture();
        assertEquals("420[\"q\",1]", c.lastText());
        assertFalse(f.isDone());
        c.send("430[\"a\",{\"b\":2}]");
        assertEquals(List.of("a", java.util.Map.of("b", 2L)), f.join());
    }

    @Test
    void ackIdsIncrementPerNamespaceAcrossSockets() {
        SioTestServer.Peer other = t.connect();
        Socket second = t.io.sockets().sockets().get(other.connectTo("/"));
        t.io.of("/admin");
        Socket admin = t.io.of("/admin").sockets().get(c.connectTo("/admin"));

        socket.emitWithAck("a");
        second.emitWithAck("b");
        socket.emitWithAck("c");
        admin.emitWithAck("d");
        assertTrue(c.texts().contains("420[\"a\"]"), c.texts().toString());
        assertEquals("421[\"b\"]", other.lastText());
        assertTrue(c.texts().contains("422[\"c\"]"), c.texts().toString());
        assertEquals("42/admin,0[\"d\"]", c.lastText());
    }

    @Test
    void ackForACustomNamespace() {
        t.io.of("/admin");
        Socket admin = t.io.of("/admin").sockets().get(c.connectTo("/admin"));
        CompletableFuture<List<Object>> f = admin.emitWithAck("q").toCompletableFuture();
        assertEquals("42/admin,0[\"q\"]", c.lastText());
        c.send("430[\"wrong namespace\"]"); // the main socket has no such pending ack: ignored
        assertFalse(f.isDone());
        c.send("43/admin,0[\"a\"]");
        assertEquals(List.of("a"), f.join());
    }

    @Test
    void aBinaryAckFromTheClientIsRestored() {
        CompletableFuture<List<Object>> f = socket.emitWithAck("q").toCompletableFuture();
        c.send("461-0[\"ok\",{\"_placeholder\":true,\"num\":0}]");
        assertFalse(f.isDone());
        c.sendBinary(new byte[] {4, 2});
        List<Object> args = f.join();
        assertEquals("ok", args.get(0));
        assertArrayEquals(new byte[] {4, 2}, (byte[]) args.get(1));
    }

    @Test
    void aTimeoutThatFiresBeforeTheEmitReturnsStillFailsTheAck() {
        t.clock.fireTimersAsTheyAreArmed(true);
        CompletableFuture<List<Object>> f = socket.timeout(1).emitWithAck("q").toCompletableFuture();
        t.clock.fireTimersAsTheyAreArmed(false);
        assertTrue(f.isCompletedExceptionally(), "the timeout found the pending ack: it was registered first");
        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, f::join).getCause());
        c.send("430[\"late\"]"); // ignored: nothing is left pending
        assertFalse(c.isClosed());
    }

    @Test
    void timeoutFailsTheAckWhenTheClientDoesNotAnswerInTime() {
        CompletableFuture<List<Object>> f = socket.timeout(1000).emitWithAck("q").toCompletableFuture();
        assertEquals("420[\"q\"]", c.lastText());
        t.clock.advance(999);
        assertFalse(f.isDone());
        t.clock.advance(1);
        assertTrue(f.isCompletedExceptionally());
        CompletionException e = assertThrows(CompletionException.class, f::join);
        TimeoutException te = assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals("operation has timed out", te.getMessage());

        c.send("430[\"late\"]"); // ignored
        assertFalse(c.isClosed());
    }

    @Test
    void anAnswerInTimeCompletesAndCancelsTheTimer() {
        int before = t.clock.pendingTimers();
        CompletableFuture<List<Object>> f = socket.timeout(1000).emitWithAck("q").toCompletableFuture();
        assertEquals(before + 1, t.clock.pendingTimers());
        t.clock.advance(500);
        c.send("430[\"in time\"]");
        assertEquals(List.of("in time"), f.join());
        assertEquals(before, t.clock.pendingTimers());
        t.clock.advance(1000);
        assertEquals(List.of("in time"), f.join());
    }

    @Test
    void aSecondAckForTheSameIdIsIgnored() {
        CompletableFuture<List<Object>> f = socket.emitWithAck("q").toCompletableFuture();
        c.send("430[1]");
        c.send("430[2]");
        assertEquals(List.of(1L), f.join());
        assertFalse(c.isClosed());
    }

    @Test
    void ackForAnUnknownIdIsIgnored() {
        List<Object> events = new ArrayList<>();
        socket.on("still", (args, ack) -> events.add(args));
        int mark = c.mark();
        c.send("4399[\"nobody asked\"]");
        c.assertNothingSince(mark);
        assertFalse(c.isClosed());
        c.send("42[\"still\",\"alive\"]");
        assertEquals(List.of(List.of("alive")), events);
    }

    @Test
    void disconnectFailsPendingAcks() {
        CompletableFuture<List<Object>> f = socket.timeout(5000).emitWithAck("q").toCompletableFuture();
        c.send("41");
        assertTrue(f.isCompletedExceptionally());
    }

    @Test
    void emitWithAckOnADisconnectedSocketFailsAtOnce() {
        socket.disconnect();
        int mark = c.mark();
        CompletableFuture<List<Object>> f = socket.emitWithAck("q").toCompletableFuture();
        assertTrue(f.isCompletedExceptionally());
        c.assertNothingSince(mark);
    }

    @Test
    void timeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> socket.timeout(0));
    }
}
