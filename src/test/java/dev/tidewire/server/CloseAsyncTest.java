package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code io.closeAsync()}, the reference's {@code io.close(callback)}: completes once the sockets have left and the
 * adapters are closed, without blocking the caller; a second close fails the stage.
 */
class CloseAsyncTest {
    /** The in-memory adapter, counting the factory's closes. */
    private static final class CountingFactory implements AdapterFactory {
        int closes;

        public Adapter create(LocalNamespace namespace) {
            return new LocalAdapter(namespace);
        }

        public void close() {
            closes++;
        }
    }

    private final HeldExecutor executor = new HeldExecutor();
    private final CountingFactory factory = new CountingFactory();
    private final SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(factory), executor);
    private final List<String> reasons = new ArrayList<>();
    private SioTestServer.Peer c;

    @BeforeEach
    void connect() {
        t.io.onConnection(s -> s.onDisconnect((socket, reason) -> reasons.add(reason.wireName())));
        c = t.connect();
        c.send("40");
        executor.runAll(); // the CONNECT, on the handler executor
        assertEquals(1, t.io.sockets().sockets().size());
    }

    @Test
    void completesOnceEverySocketHasLeftAndTheAdaptersAreClosed() {
        CompletableFuture<Void> closing = t.io.closeAsync().toCompletableFuture();
        assertFalse(closing.isDone(), "the disconnect listeners wait on the handler executor; the caller does not");
        assertEquals(0, factory.closes);
        assertEquals(1001, c.ws.closeCode(), "the connection is closed at once");

        executor.runAll();
        assertTrue(closing.isDone());
        assertFalse(closing.isCompletedExceptionally());
        assertEquals(List.of("server shutting down"), reasons);
        assertEquals(1, factory.closes);
        assertTrue(t.io.sockets().sockets().isEmpty());
    }

    @Test
    void disconnectListenersAreWaitedForUpToTheLimitOnTheServersClock() {
        CompletableFuture<Void> closing = t.io.closeAsync().toCompletableFuture();
        t.clock.advance(SocketIoServer.CLOSE_WAIT_SECONDS * 1000 - 1);
        assertFalse(closing.isDone());
        t.clock.advance(1);
        assertTrue(closing.isDone(), "not waiting longer for listeners that have not run");
        assertEquals(1, factory.closes);
        assertEquals(List.of(), reasons);
    }

    @Test
    void closingAgainFailsAsTheReferencesCallbackGetsAnErrorAndClosesNothingTwice() {
        CompletableFuture<Void> first = t.io.closeAsync().toCompletableFuture();
        executor.runAll();
        assertTrue(first.isDone());

        CompletableFuture<Void> second = t.io.closeAsync().toCompletableFuture();
        CompletionException e = assertThrows(CompletionException.class, second::join);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        t.io.close(); // the blocking close of a closed server does nothing
        assertEquals(1, factory.closes);
    }

    @Test
    void aCloseAsyncAfterTheBlockingCloseFails() {
        SioTestServer idle = new SioTestServer();
        idle.io.close();
        assertTrue(idle.io.closeAsync().toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void aServerWithoutClientsClosesAtOnce() {
        SioTestServer idle = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(factory));
        assertTrue(idle.io.closeAsync().toCompletableFuture().isDone());
        assertEquals(1, factory.closes);
    }
}
