package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineHandlerTest {
    @Test
    void nonBlockingHandlersRunOnTheReadingThreadWhenTheClientIsIdle() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.onConnection(s -> {
            s.on("fast", EventHandler.nonBlocking((args, ack) -> seen.add("fast " + args.get(0))));
            s.on("slow", (args, ack) -> seen.add("slow " + args.get(0)));
        });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        executor.runAll(); // the CONNECT runs on the executor
        c.send("42[\"fast\",1]");
        assertEquals(List.of("fast 1"), seen, "ran inline, without the executor");
        c.send("42[\"slow\",2]");
        c.send("42[\"fast\",3]"); // must not overtake the queued slow event
        assertEquals(List.of("fast 1"), seen);
        executor.runAll();
        assertEquals(List.of("fast 1", "slow 2", "fast 3"), seen, "order per client kept");
        assertTrue(executor.tasks.isEmpty());
    }

    @Test
    void aCatchAllListenerKeepsEventsOnTheExecutor() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.onConnection(s -> {
            s.onAny((event, args) -> seen.add("any " + event));
            s.on("fast", EventHandler.nonBlocking((args, ack) -> seen.add("fast")));
        });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        executor.runAll();
        c.send("42[\"fast\"]");
        assertEquals(List.of(), seen);
        executor.runAll();
        assertEquals(List.of("any fast", "fast"), seen);
    }

    @Test
    void aNamespaceWithOnlyNonBlockingConnectionListenersAcceptsOnTheReadingThread() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> seen.add("connected " + s.id())));
        SioTestServer.Peer c = t.connect();
        c.send("40");
        assertEquals(1, seen.size(), "accepted without the executor");
        assertTrue(executor.tasks.isEmpty());
        String reply = c.texts().get(c.texts().size() - 1);
        assertTrue(reply.startsWith("40{\"sid\":"), reply);
    }

    @Test
    void aBlockingConnectionListenerOrAMiddlewareKeepsConnectOnTheExecutor() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> seen.add("fast")));
        t.io.of("/").onConnection(s -> seen.add("blocking"));
        t.io.of("/mw").onConnection(Namespace.nonBlocking(s -> seen.add("mw fast"))).use(s -> { });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.send("40/mw,");
        assertEquals(List.of(), seen);
        executor.runAll();
        assertEquals(List.of("fast", "blocking", "mw fast"), seen);
    }

    @Test
    void aCloseThatRunsNoUserCodeHappensOnTheClosingThread() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> s.join("room")));
        SioTestServer.Peer c = t.connect();
        c.send("40");
        assertEquals(1, t.io.of("/").sockets().size());
        c.closeTransport();
        assertTrue(executor.tasks.isEmpty(), "no hop to the executor");
        assertEquals(0, t.io.of("/").sockets().size(), "the socket left at once");
        assertEquals(Set.of(), t.io.of("/").localRooms());
    }

    @Test
    void aDisconnectListenerKeepsTheCloseOnTheExecutor() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> s.onDisconnect((sock, why) -> seen.add(why.toString()))));
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.closeTransport();
        assertEquals(List.of(), seen);
        assertEquals(1, t.io.of("/").sockets().size(), "waits for the executor");
        executor.runAll();
        assertEquals(1, seen.size());
        assertEquals(0, t.io.of("/").sockets().size());
    }

    @Test
    void aClientsDisconnectThatRunsNoUserCodeHappensOnTheReadingThread() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> s.join("room")));
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.send("41");
        assertTrue(executor.tasks.isEmpty(), "no hop to the executor");
        assertEquals(0, t.io.of("/").sockets().size(), "the socket left at once");
        assertEquals(Set.of(), t.io.of("/").localRooms());
        assertTrue(!c.isClosed(), "the connection stays");
    }

    @Test
    void aDisconnectListenerKeepsTheClientsDisconnectOnTheExecutor() {
        HeldExecutor executor = new HeldExecutor();
        SioTestServer t = new SioTestServer(SocketIoOptions.defaults(), executor);
        List<String> seen = new ArrayList<>();
        t.io.of("/").onConnection(Namespace.nonBlocking(s -> s.onDisconnect((sock, why) -> seen.add(why.wireName()))));
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.send("41");
        assertEquals(List.of(), seen);
        assertEquals(1, t.io.of("/").sockets().size(), "waits for the executor");
        executor.runAll();
        assertEquals(List.of("client namespace disconnect"), seen);
        assertEquals(0, t.io.of("/").sockets().size());
    }
}
