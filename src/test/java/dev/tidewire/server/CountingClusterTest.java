package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The base cluster adapter, without heartbeats (as the reference's {@code ClusterAdapter}, which the Redis streams
 * adapter extends): requests wait for as many answers as the transport counts other nodes, and with connection state
 * recovery on every node's clients get the offset the transport gave the broadcast.
 */
class CountingClusterTest {
    private final InMemoryBus bus = new InMemoryBus();

    private SioTestServer node(boolean recovery) {
        SocketIoOptions options = SocketIoOptions.defaults().withAdapterFactory(bus.countingFactory());
        return new SioTestServer(recovery ? options.withRecovery(new RecoveryOptions(60_000, true)) : options);
    }

    @Test
    void fetchSocketsWaitsForEveryNodeTheTransportCounts() throws Exception {
        SioTestServer a = node(false);
        SioTestServer b = node(false);
        String onA = a.connect().connectTo("/");
        String onB = b.connect().connectTo("/");
        assertEquals(2, a.io.serverCount().toCompletableFuture().get(5, SECONDS));
        assertEquals(Set.of(onA, onB), a.io.fetchSockets().toCompletableFuture().get(5, SECONDS).stream()
                .map(RemoteSocket::id).collect(Collectors.toSet()));
    }

    @Test
    void aRequestThatLacksAnAnswerTimesOut() {
        SioTestServer a = node(false);
        node(false);
        bus.responsesArrive = false;
        CompletableFuture<List<RemoteSocket>> found = a.io.timeout(100).fetchSockets().toCompletableFuture();
        assertFalse(found.isDone());
        a.clock.advance(100);
        ExecutionException e = assertThrows(ExecutionException.class, () -> found.get(5, SECONDS));
        assertInstanceOf(ClusterTimeoutException.class, e.getCause());
    }

    @Test
    void withRecoveryEveryNodesClientsGetTheTransportsOffset() {
        SioTestServer a = node(true);
        SioTestServer b = node(true);
        SioTestServer.Peer onA = a.connect();
        SioTestServer.Peer onB = b.connect();
        onA.send("40");
        onB.send("40");
        a.io.emit("news", 1);
        String atA = onA.lastText();
        String atB = onB.lastText();
        assertTrue(atA.matches("42\\[\"news\",1,\"\\d+-\\d+\"]"), atA);
        assertEquals(atA, atB, "the same offset on both nodes");
        a.io.asVolatile().emit("v");
        assertEquals("42[\"v\"]", onB.lastText(), "a volatile broadcast carries none");
    }

    @Test
    void withRecoveryThisNodesClientsGetTheBroadcastsInOrderWhateverOrderTheTransportAnswersIn() {
        SioTestServer a = node(true);
        SioTestServer.Peer onA = a.connect();
        onA.send("40");
        int mark = onA.mark();
        bus.holdPublishAnswers = true;
        a.io.emit("first");
        a.io.emit("second");
        a.io.emit("third");
        List<CompletableFuture<String>> answers = bus.heldPublishAnswers;
        assertEquals(3, answers.size());
        answers.get(2).completeExceptionally(new IllegalStateException("refused at once, as while Redis is down"));
        answers.get(1).complete("1-2");
        onA.assertNothingSince(mark);
        answers.get(0).complete("1-1");
        assertEquals(List.of("42[\"first\",\"1-1\"]", "42[\"second\",\"1-2\"]", "42[\"third\"]"),
                onA.textsSince(mark));
    }
}
