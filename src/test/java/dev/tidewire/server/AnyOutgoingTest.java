package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code socket.onAnyOutgoing}: every event sent to the client, by this socket's emits and by the broadcasts that reach
 * it, as the reference's {@code notifyOutgoingListeners}; not acks, and a broadcast stays encoded once.
 */
class AnyOutgoingTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> told = new ArrayList<>();
    private SioTestServer.Peer c;
    private SioTestServer.Peer other;
    private Socket socket;
    private Socket otherSocket;

    @BeforeEach
    void connect() {
        c = t.connect();
        other = t.connect();
        socket = t.io.sockets().sockets().get(c.connectTo("/"));
        otherSocket = t.io.sockets().sockets().get(other.connectTo("/"));
    }

    private Socket.AnyListener recorder(String name) {
        return (event, args) -> told.add(name + " " + event + " " + args);
    }

    @Test
    void anEmitIsToldWithItsNameAndArgumentsBeforeItIsQueuedForTheClient() {
        int mark = c.mark();
        socket.onAnyOutgoing((event, args) -> {
            told.add(event + " " + args);
            told.add("frames so far: " + c.textsSince(mark));
        });
        socket.emit("hello", 1, "x");
        assertEquals(List.of("hello [1, x]", "frames so far: []"), told);
        assertEquals(List.of("42[\"hello\",1,\"x\"]"), c.textsSince(mark));
    }

    @Test
    void emitsWithAckAndVolatileEmitsAreToldWithoutTheAck() {
        socket.onAnyOutgoing(recorder("out"));
        socket.timeout(1000).emitWithAck("question", 42);
        socket.emit("cb", (error, reply) -> { }, "y");
        socket.emitVolatile("tick", 3);
        assertEquals(List.of("out question [42]", "out cb [y]", "out tick [3]"), told);
    }

    @Test
    void theBroadcastsThatReachTheSocketAreToldAndTheOthersAreNot() {
        socket.onAnyOutgoing(recorder("out"));
        socket.join("blue");
        t.io.emit("all", 1);
        t.io.to("blue").emit("blue-only");
        t.io.to("red").emit("red-only");
        t.io.except("blue").emit("not-blue");
        otherSocket.broadcast().emit("from-other");
        socket.broadcast().emit("from-itself");
        assertEquals(List.of("out all [1]", "out blue-only []", "out from-other []"), told);
    }

    @Test
    void aBroadcastWithAckIsToldToEachTargetWithItsArguments() {
        socket.onAnyOutgoing(recorder("a"));
        otherSocket.onAnyOutgoing(recorder("b"));
        t.io.timeout(1000).emitWithAck("poll", "q");
        assertEquals(List.of("a poll [q]", "b poll [q]"), told.stream().sorted().toList());
    }

    @Test
    void aBroadcastIsStillEncodedOnceWhenATargetListens() {
        socket.onAnyOutgoing(recorder("out"));
        t.io.emit("shared", 1);
        assertSame(c.lastText(), other.lastText(), "one frame for every target");
    }

    @Test
    void acksSentToTheClientAreNotEvents() {
        socket.on("ask", (args, ack) -> ack.send("answer"));
        socket.onAnyOutgoing(recorder("out"));
        int mark = c.mark();
        c.send("427[\"ask\"]");
        assertEquals(List.of("437[\"answer\"]"), c.textsSince(mark));
        assertEquals(List.of(), told);
    }

    @Test
    void theArgumentsCannotBeChangedByAListener() {
        List<Throwable> thrown = new ArrayList<>();
        socket.onAnyOutgoing((event, args) -> thrown.add(assertThrows(UnsupportedOperationException.class,
                () -> args.add("sneaked in"))));
        int mark = c.mark();
        t.io.emit("shared", 1);
        socket.emit("own", 2);
        assertEquals(2, thrown.size());
        assertEquals(List.of("42[\"shared\",1]", "42[\"own\",2]"), c.textsSince(mark));
    }

    @Test
    void aFailingListenerStopsNeitherTheOthersNorTheEvent() {
        socket.onAnyOutgoing((event, args) -> {
            throw new IllegalStateException("boom");
        });
        socket.onAnyOutgoing(recorder("second"));
        int mark = c.mark();
        socket.emit("still", 1);
        assertEquals(List.of("second still [1]"), told);
        assertEquals(List.of("42[\"still\",1]"), c.textsSince(mark));
    }

    @Test
    void listenersRunInOrderPrependedFirstAndAreRemovedOneAtATime() {
        Socket.AnyListener a = recorder("a");
        Socket.AnyListener b = recorder("b");
        Socket.AnyListener first = recorder("first");
        socket.onAnyOutgoing(a).onAnyOutgoing(b).onAnyOutgoing(a).prependAnyOutgoing(first);
        assertEquals(List.of(first, a, b, a), socket.listenersAnyOutgoing());
        socket.emit("e");
        assertEquals(List.of("first e []", "a e []", "b e []", "a e []"), told);

        socket.offAnyOutgoing(a);
        assertEquals(List.of(first, b, a), socket.listenersAnyOutgoing(), "the first occurrence only");
        socket.offAnyOutgoing(recorder("never added"));
        assertEquals(List.of(first, b, a), socket.listenersAnyOutgoing());
        socket.offAnyOutgoing();
        assertEquals(List.of(), socket.listenersAnyOutgoing());
        told.clear();
        socket.emit("e");
        assertEquals(List.of(), told);
    }

    @Test
    void theListenerListIsASnapshot() {
        socket.onAnyOutgoing(recorder("a"));
        List<Socket.AnyListener> snapshot = socket.listenersAnyOutgoing();
        socket.onAnyOutgoing(recorder("b"));
        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(recorder("c")));
    }

    @Test
    void withRecoveryAnEmitGoesThroughTheAdapterAndIsToldOnceWithItsOffset() {
        SioTestServer recovering = new SioTestServer(
                SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, false)));
        List<Socket> connected = new ArrayList<>();
        recovering.io.onConnection(connected::add);
        SioTestServer.Peer peer = recovering.connect();
        peer.send("40"); // the reply carries a pid too, which connectTo does not parse
        Socket s = connected.get(0);
        List<List<Object>> args = new ArrayList<>();
        s.onAnyOutgoing((event, a) -> args.add(List.copyOf(a)));
        s.emit("kept", 1);
        assertEquals(1, args.size(), args.toString());
        assertEquals(2, args.get(0).size(), "the argument, then the offset the client gets: " + args);
        assertEquals(1, args.get(0).get(0));
        String offset = (String) args.get(0).get(1);
        assertEquals("42[\"kept\",1,\"" + offset + "\"]", peer.lastText());
    }

    // ---------------------------------------------------------------- incoming counterparts

    @Test
    void incomingCatchAllListenersArePrependedRemovedAndListedAlike() {
        Socket.AnyListener a = recorder("a");
        Socket.AnyListener first = recorder("first");
        socket.onAny(a).onAny(a).prependAny(first);
        assertEquals(List.of(first, a, a), socket.listenersAny());
        c.send("42[\"in\",1]");
        assertEquals(List.of("first in [1]", "a in [1]", "a in [1]"), told);

        socket.offAny(a);
        assertEquals(List.of(first, a), socket.listenersAny());
        socket.offAny();
        told.clear();
        c.send("42[\"in\",2]");
        assertEquals(List.of(), told);
        assertTrue(socket.listenersAny().isEmpty());
    }
}
