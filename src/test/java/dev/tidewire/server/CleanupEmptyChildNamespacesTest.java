package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The reference's {@code cleanupEmptyChildNamespaces}: a dynamic child leaves the server, its parent, and closes its
 * adapter when its last socket leaves; a later CONNECT creates it anew. Off by default.
 */
class CleanupEmptyChildNamespacesTest {
    private final List<String> closedAdapters = new ArrayList<>();
    private final SioTestServer t = new SioTestServer(SocketIoOptions.defaults()
            .withAdapterFactory(this::recordingAdapter).withCleanupEmptyChildNamespaces(true));

    /** The local adapter, recording its close. */
    private Adapter recordingAdapter(LocalNamespace local) {
        Adapter inner = AdapterFactory.LOCAL.create(local);
        return new Adapter() {
            public void broadcast(List<Object> data, BroadcastOptions options) { inner.broadcast(data, options); }
            public void broadcastWithAck(List<Object> data, BroadcastOptions options,
                                         java.util.function.IntConsumer clientCount,
                                         java.util.function.Consumer<Object> ack) {
                inner.broadcastWithAck(data, options, clientCount, ack);
            }
            public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
                return inner.fetchSockets(options);
            }
            public void addSockets(BroadcastOptions options, Set<String> rooms) { inner.addSockets(options, rooms); }
            public void delSockets(BroadcastOptions options, Set<String> rooms) { inner.delSockets(options, rooms); }
            public void disconnectSockets(BroadcastOptions options, boolean close) {
                inner.disconnectSockets(options, close);
            }
            public void serverSideEmit(List<Object> data) { inner.serverSideEmit(data); }
            public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
                return inner.serverSideEmitWithAck(data, timeoutMillis);
            }
            public CompletionStage<Integer> serverCount() { return CompletableFuture.completedFuture(1); }
            public void close() { closedAdapters.add(local.name()); }
        };
    }

    @Test
    void theLastSocketLeavingRemovesTheChildAndClosesItsAdapter() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d"));
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.connectTo("/d-1");
        b.connectTo("/d-1");
        Namespace child = t.io.namespaces().get("/d-1");

        a.send("41/d-1,");
        assertSame(child, t.io.namespaces().get("/d-1"), "one socket is still there");
        assertEquals(List.of(), closedAdapters);

        b.closeTransport();
        assertFalse(t.io.namespaces().containsKey("/d-1"));
        assertEquals(List.of(), parent.children());
        assertEquals(List.of("/d-1"), closedAdapters);
    }

    @Test
    void theRemovalIsToldAfterTheAdapterClosedAndOnlyForRemovedChildren() {
        List<String> told = new ArrayList<>();
        t.io.onNamespaceRemoved(n -> told.add(n.name() + (closedAdapters.contains(n.name()) ? " closed" : " open")));
        t.io.of(Pattern.compile("/d-\\d"));
        t.io.of("/static");
        SioTestServer.Peer a = t.connect();
        a.connectTo("/d-1");
        a.connectTo("/static");
        Namespace child = t.io.namespaces().get("/d-1");
        List<Namespace> removed = new ArrayList<>();
        t.io.onNamespaceRemoved(removed::add);

        a.send("41/static,");
        assertEquals(List.of(), told, "a static namespace is never removed");
        a.send("41/d-1,");
        assertEquals(List.of("/d-1 closed"), told);
        assertEquals(List.of(child), removed);
    }

    @Test
    void aLaterConnectCreatesTheChildAgainAndItIsAnnouncedAgain() {
        List<Namespace> announced = new ArrayList<>();
        t.io.onNewNamespace(announced::add);
        AtomicInteger connections = new AtomicInteger();
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d")).onConnection(s -> connections.incrementAndGet());
        SioTestServer.Peer a = t.connect();
        a.connectTo("/d-1");
        Namespace first = t.io.namespaces().get("/d-1");
        a.send("41/d-1,");
        assertFalse(t.io.namespaces().containsKey("/d-1"));

        SioTestServer.Peer b = t.connect();
        String sid = b.connectTo("/d-1");
        Namespace second = t.io.namespaces().get("/d-1");
        assertNotSame(first, second);
        assertEquals(List.of(second), parent.children());
        assertEquals(List.of(first, second), announced);
        assertEquals(2, connections.get(), "the parent's listeners reach the new child");
        assertTrue(second.sockets().containsKey(sid));
    }

    @Test
    void aMiddlewareRefusingTheOnlySocketRemovesTheChild() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d"));
        parent.use(s -> {
            throw new ConnectionRefusedException("no");
        });
        SioTestServer.Peer a = t.connect();
        a.send("40/d-1,");
        assertEquals("44/d-1,{\"message\":\"no\"}", a.lastText());
        assertFalse(t.io.namespaces().containsKey("/d-1"));
        assertEquals(List.of(), parent.children());
        assertEquals(List.of("/d-1"), closedAdapters);
    }

    @Test
    void aChildStaysWhileAConnectIsInItsMiddlewares() {
        ParentNamespace parent = t.io.of(Pattern.compile("/d-\\d"));
        List<Socket> first = new ArrayList<>();
        parent.use(s -> {
            // the second CONNECT is in the middlewares when the only connected socket leaves
            if (!first.isEmpty()) first.get(0).disconnect();
        });
        parent.onConnection(first::add);
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        a.connectTo("/d-1");
        Namespace child = t.io.namespaces().get("/d-1");

        String sid = b.connectTo("/d-1");
        assertSame(child, t.io.namespaces().get("/d-1"));
        assertEquals(Set.of(sid), child.sockets().keySet());
        assertEquals(List.of(child), parent.children());
        assertEquals(List.of(), closedAdapters);
    }

    @Test
    void staticNamespacesAndChildrenWithoutTheOptionStay() {
        SioTestServer off = new SioTestServer();
        off.io.of(Pattern.compile("/d-\\d"));
        off.io.of("/static");
        SioTestServer.Peer a = off.connect();
        a.connectTo("/d-1");
        a.connectTo("/static");
        a.closeTransport();
        assertTrue(off.io.namespaces().containsKey("/d-1"));
        assertTrue(off.io.namespaces().containsKey("/static"));

        t.io.of("/static");
        SioTestServer.Peer b = t.connect();
        b.connectTo("/static");
        b.closeTransport();
        assertTrue(t.io.namespaces().containsKey("/static"), "only dynamic children are removed");
    }
}
