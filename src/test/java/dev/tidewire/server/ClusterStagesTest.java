package dev.tidewire.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the application chains to a cluster operation runs on the handler executor, so it may block without holding
 * up the thread that completes the operation (an adapter's cluster queue, in a real cluster). The adapter here
 * leaves every cluster stage pending until the test completes it from a thread of its own.
 */
class ClusterStagesTest {
    private static final String HANDLER_THREAD = "handler";

    private final ExecutorService handlers = Executors.newSingleThreadExecutor(task -> new Thread(task, HANDLER_THREAD));
    private final PendingAdapter adapter = new PendingAdapter();
    private final SioTestServer server =
            new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(local -> adapter), handlers);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        handlers.shutdownNow();
    }

    @Test
    void aFetchSocketsContinuationRunsOnTheHandlerExecutorAndMayBlock() throws Exception {
        CompletionStage<String> ranOn = server.io.sockets().fetchSockets().thenApply(blockingUntilReleased());
        completeOnClusterThread(() -> adapter.fetch.complete(List.of()));
        assertEquals(HANDLER_THREAD, ranOn.toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aServerSideEmitWithAckContinuationRunsOnTheHandlerExecutorAndMayBlock() throws Exception {
        CompletionStage<String> ranOn = server.io.sockets().serverSideEmitWithAck(1_000, "ping")
                .thenApply(blockingUntilReleased());
        completeOnClusterThread(() -> adapter.serverSideAnswers.complete(List.of("pong")));
        assertEquals(HANDLER_THREAD, ranOn.toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aServerCountContinuationRunsOnTheHandlerExecutorAndMayBlock() throws Exception {
        CompletionStage<String> ranOn = server.io.serverCount().thenApply(blockingUntilReleased());
        completeOnClusterThread(() -> adapter.count.complete(2));
        assertEquals(HANDLER_THREAD, ranOn.toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aBroadcastWithAckContinuationRunsOnTheHandlerExecutorAndMayBlock() throws Exception {
        CompletionStage<String> ranOn = server.io.timeout(5_000).emitWithAck("question")
                .thenApply(blockingUntilReleased());
        completeOnClusterThread(() -> {
            adapter.count.complete(1);
            adapter.clientCount.accept(0); // this node reached no client: every answer is in
        });
        assertEquals(HANDLER_THREAD, ranOn.toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aFailureReachesTheContinuationOnTheHandlerExecutorToo() throws Exception {
        CompletionStage<String> ranOn = server.io.sockets().fetchSockets()
                .handle((sockets, error) -> error.getClass().getSimpleName() + " on " + Thread.currentThread().getName());
        completeOnClusterThread(() -> adapter.fetch.completeExceptionally(new ClusterTimeoutException("late", List.of())));
        assertEquals("ClusterTimeoutException on " + HANDLER_THREAD, ranOn.toCompletableFuture().get(5, SECONDS));
    }

    @Test
    void aStageCompleteWhenReturnedRunsTheContinuationOnTheCallersThread() throws Exception {
        adapter.fetch.complete(List.of());
        CompletionStage<String> ranOn = server.io.sockets().fetchSockets()
                .thenApply(sockets -> Thread.currentThread().getName());
        assertEquals(Thread.currentThread().getName(), ranOn.toCompletableFuture().get(5, SECONDS));
    }

    /** A continuation that blocks, as application code may, and says on which thread it ran. */
    private <T> Function<T, String> blockingUntilReleased() {
        return value -> {
            try {
                assertTrue(release.await(10, SECONDS), "never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        };
    }

    /** Completes on a thread of its own, which must be free again while the continuation still blocks. */
    private void completeOnClusterThread(Runnable completion) throws InterruptedException {
        Thread cluster = new Thread(completion, "cluster-queue");
        cluster.start();
        cluster.join(5_000);
        assertFalse(cluster.isAlive(), "the thread that completed the stage is held by the application's continuation");
        release.countDown();
    }

    /** Every cluster operation stays pending until the test completes it. */
    private static final class PendingAdapter implements Adapter {
        final CompletableFuture<List<RemoteSocket>> fetch = new CompletableFuture<>();
        final CompletableFuture<List<Object>> serverSideAnswers = new CompletableFuture<>();
        final CompletableFuture<Integer> count = new CompletableFuture<>();
        volatile IntConsumer clientCount;

        @Override
        public void broadcast(List<Object> data, BroadcastOptions options) {
        }

        @Override
        public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                     Consumer<Object> ack) {
            this.clientCount = clientCount;
        }

        @Override
        public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
            return fetch;
        }

        @Override
        public void addSockets(BroadcastOptions options, Set<String> rooms) {
        }

        @Override
        public void delSockets(BroadcastOptions options, Set<String> rooms) {
        }

        @Override
        public void disconnectSockets(BroadcastOptions options, boolean close) {
        }

        @Override
        public void serverSideEmit(List<Object> data) {
        }

        @Override
        public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
            return serverSideAnswers;
        }

        @Override
        public CompletionStage<Integer> serverCount() {
            return count;
        }
    }
}
