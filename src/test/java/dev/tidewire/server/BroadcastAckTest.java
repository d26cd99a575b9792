package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroadcastAckTest {
    @Test
    void oneAckIdForAllTargetsAndTheResponsesOfEach() throws Exception {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.send("40");
        b.send("40");
        CompletableFuture<List<Object>> result =
                t.io.timeout(1000).emitWithAck("question", 42).toCompletableFuture();
        String frameA = a.lastText();
        assertSame(frameA, b.lastText(), "encoded once for every target");
        assertEquals("420[\"question\",42]", frameA);
        a.send("430[\"yes\"]");
        assertFalse(result.isDone());
        b.send("430[\"no\",\"ignored\"]");
        assertTrue(result.isDone());
        assertEquals(List.of("yes", "no"), result.get());
    }

    @Test
    void timesOutWithThePartialResponses() {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.send("40");
        b.send("40");
        CompletableFuture<List<Object>> result = t.io.timeout(500).emitWithAck("question").toCompletableFuture();
        a.send("430[1]");
        t.clock.advance(500);
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        BroadcastAckTimeoutException timeout = assertInstanceOf(BroadcastAckTimeoutException.class, e.getCause());
        assertEquals(List.of(1L), timeout.responses());
        b.send("430[2]"); // late: ignored
        assertEquals(List.of(1L), timeout.responses());
    }

    @Test
    void aTimeoutThatFiresBeforeTheEmitReturnsLeavesNoAckPending() {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        a.send("40");
        Socket socket = t.io.sockets().sockets().values().iterator().next();
        t.clock.fireTimersAsTheyAreArmed(true);
        CompletableFuture<List<Object>> result = t.io.timeout(1).emitWithAck("question").toCompletableFuture();
        t.clock.fireTimersAsTheyAreArmed(false);
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertInstanceOf(BroadcastAckTimeoutException.class, e.getCause());
        assertTrue(socket.closesQuietly(), "the timeout forgot the ack on every target: they were registered first");
    }

    @Test
    void aSocketsBroadcastWithAckLeavesTheSenderOut() throws Exception {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        Socket sender = t.io.sockets().sockets().get(a.connectTo("/"));
        b.connectTo("/");
        int ma = a.mark();
        CompletableFuture<List<Object>> result =
                sender.broadcast().timeout(1000).emitWithAck("question").toCompletableFuture();
        a.assertNothingSince(ma);
        b.send("43" + ackIdOf(b.lastText()) + "[\"from b\"]");
        assertEquals(List.of("from b"), result.get());
    }

    @Test
    void exceptLeavesOutTheMembersOfItsRoomsFromTheServerAndFromASocket() throws Exception {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        SioTestServer.Peer muted = t.connect();
        Socket sender = t.io.sockets().sockets().get(a.connectTo("/"));
        b.connectTo("/");
        t.io.sockets().sockets().get(muted.connectTo("/")).join("muted");
        int mm = muted.mark();

        CompletableFuture<List<Object>> fromServer =
                t.io.timeout(1000).except("muted").emitWithAck("q1").toCompletableFuture();
        a.send("43" + ackIdOf(a.lastText()) + "[\"a\"]");
        b.send("43" + ackIdOf(b.lastText()) + "[\"b\"]");
        assertEquals(List.of("a", "b"), fromServer.get());

        int ma = a.mark();
        CompletableFuture<List<Object>> fromSocket =
                sender.except("muted").timeout(1000).emitWithAck("q2").toCompletableFuture();
        a.assertNothingSince(ma);
        b.send("43" + ackIdOf(b.lastText()) + "[\"b again\"]");
        assertEquals(List.of("b again"), fromSocket.get());
        muted.assertNothingSince(mm);
    }

    @Test
    void aSocketsBroadcastToARoomTimesOutWithTheAnswersSoFar() {
        SioTestServer t = new SioTestServer();
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        SioTestServer.Peer c = t.connect();
        Socket sender = t.io.sockets().sockets().get(a.connectTo("/"));
        sender.join("team");
        t.io.sockets().sockets().get(b.connectTo("/")).join("team");
        t.io.sockets().sockets().get(c.connectTo("/")).join("team");
        CompletableFuture<List<Object>> result =
                sender.to("team").timeout(500).emitWithAck("ready?").toCompletableFuture();
        b.send("43" + ackIdOf(b.lastText()) + "[true]");
        t.clock.advance(500);
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertEquals(List.of(true),
                assertInstanceOf(BroadcastAckTimeoutException.class, e.getCause()).responses());
    }

    /** The ack id of an emitted {@code 42<id>[...]} frame. */
    private static String ackIdOf(String frame) {
        return frame.substring(2, frame.indexOf('['));
    }

    @Test
    void noTargetCompletesAtOnceWithNoResponses() throws Exception {
        SioTestServer t = new SioTestServer();
        assertEquals(List.of(), t.io.to("nobody").timeout(100).emitWithAck("q").toCompletableFuture().get());
    }
}
