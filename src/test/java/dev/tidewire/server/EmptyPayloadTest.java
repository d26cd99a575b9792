package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EVENT and ACK packets without data, which the reference's parser accepts: an EVENT reaches only the catch-all
 * listeners, with no name and no arguments (its {@code socket.onevent} uses {@code packet.data || []}); an ACK answers
 * with no arguments. The connection stays open.
 */
class EmptyPayloadTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> seen = new ArrayList<>();
    private SioTestServer.Peer c;
    private Socket socket;

    @BeforeEach
    void connect() {
        c = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
        socket.onAny((event, args) -> seen.add("any " + event + " " + args));
        socket.use((event, args) -> seen.add("middleware " + event));
        socket.on("null", (args, ack) -> seen.add("handler of \"null\""));
        socket.onError(e -> seen.add("error " + e));
    }

    @Test
    void anEventWithoutDataReachesOnlyTheCatchAllListenersWithNoNameAndNoArguments() {
        int mark = c.mark();
        c.send("42");
        assertEquals(List.of("any null []"), seen);
        c.assertNothingSince(mark);
        assertTrue(socket.connected());
    }

    @Test
    void anEventWithoutDataButWithAnAckIdGetsNoAck() {
        int mark = c.mark();
        c.send("427");
        assertEquals(List.of("any null []"), seen);
        c.assertNothingSince(mark);
        assertFalse(c.isClosed());
    }

    @Test
    void aBinaryEventWithoutDataIsDecodedOnceItsAttachmentArrives() {
        c.send("451-");
        assertEquals(List.of(), seen);
        c.sendBinary(new byte[]{1});
        assertEquals(List.of("any null []"), seen);
        assertFalse(c.isClosed());
    }

    @Test
    void eventsAfterAnEmptyOneAreHandledAsUsual() {
        socket.on("next", (args, ack) -> seen.add("next " + args));
        c.send("42");
        c.send("42[\"next\",1]");
        assertEquals(List.of("any null []", "any next [1]", "middleware next", "next [1]"), seen);
    }

    @Test
    void anAckWithoutDataCompletesTheServersAckWithNoArguments() {
        CompletableFuture<List<Object>> reply = socket.timeout(1000).emitWithAck("q").toCompletableFuture();
        c.send("43" + ackIdOf(c.lastText()));
        assertTrue(reply.isDone());
        assertEquals(List.of(), reply.join());
        assertTrue(socket.closesQuietly(), "no ack left pending");
    }

    @Test
    void anAckWithoutDataCountsAsAnAnswerWithoutValueInABroadcast() {
        SioTestServer.Peer second = t.connect();
        second.connectTo("/");
        CompletableFuture<List<Object>> replies = t.io.timeout(1000).emitWithAck("poll").toCompletableFuture();
        c.send("43" + ackIdOf(c.lastText()));
        second.send("43" + ackIdOf(second.lastText()) + "[\"yes\"]");
        assertTrue(replies.isDone());
        assertEquals(Arrays.asList(null, "yes"), replies.join());
    }

    @Test
    void anAckWithoutIdNorDataIsIgnored() {
        CompletableFuture<List<Object>> reply = socket.emitWithAck("q").toCompletableFuture();
        c.send("43");
        assertFalse(reply.isDone());
        assertFalse(c.isClosed());
        c.send("43" + ackIdOf(c.lastText()) + "[1]");
        assertEquals(List.of(1L), reply.join());
    }

    @Test
    void anEventWithoutDataForANamespaceNotConnectedIsStillAViolation() {
        c.send("42/other,");
        assertTrue(c.isClosed());
        assertNull(t.io.sockets().sockets().get(socket.id()));
    }

    /** The ack id of an emitted {@code 42<id>[...]} frame. */
    private static String ackIdOf(String frame) {
        return frame.substring(2, frame.indexOf('['));
    }
}
