package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On a real thread pool: one client's events reach handlers in the order sent, different clients in parallel. */
@Timeout(30)
class SerialOrderTest {
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread th = new Thread(r, "handler");
        th.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        return th;
    });

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    private SioTestServer server(SocketIoOptions options) {
        return new SioTestServer(options, pool);
    }

    /** Sends a CONNECT and waits until the handler thread has connected the socket. */
    private Socket connect(SioTestServer t, SioTestServer.Peer c) throws InterruptedException {
        int mark = c.mark();
        c.send("40");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            for (String reply : c.textsSince(mark)) {
                if (reply.startsWith("40{\"sid\":\"")) {
                    return t.io.sockets().sockets().get(reply.substring("40{\"sid\":\"".length(), reply.length() - 2));
                }
            }
            assertTrue(System.nanoTime() < deadline, "connect timed out");
            Thread.sleep(1);
        }
    }

    @Test
    void eachClientsEventsKeepTheirOrderWhileClientsRunInParallel() throws Exception {
        SioTestServer t = server(SocketIoOptions.defaults());
        int clients = 4;
        int perClient = 300;
        CountDownLatch done = new CountDownLatch(clients * perClient);
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        List<SioTestServer.Peer> peers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SioTestServer.Peer c = t.connect();
            Socket s = connect(t, c);
            List<Long> mine = Collections.synchronizedList(new ArrayList<>());
            seen.put(s.id(), mine);
            s.on("n", (args, ack) -> {
                if (ThreadLocalRandom.current().nextInt(20) == 0) Thread.sleep(1);
                mine.add((Long) args.get(0));
                done.countDown();
            });
            peers.add(c);
        }
        // one container thread per connection, as WebSocket containers deliver a connection's frames in order
        List<Thread> senders = new ArrayList<>();
        for (SioTestServer.Peer c : peers) {
            Thread th = new Thread(() -> {
                for (int n = 0; n < perClient; n++) c.send("42[\"n\"," + n + "]");
            });
            senders.add(th);
            th.start();
        }
        for (Thread th : senders) th.join();
        assertTrue(done.await(20, TimeUnit.SECONDS), "all events handled");
        List<Long> expected = IntStream.range(0, perClient).mapToObj(i -> (long) i).toList();
        for (List<Long> l : seen.values()) assertEquals(expected, l);
    }

    @Test
    void aBlockedHandlerOfOneClientDoesNotStopAnother() throws Exception {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer a = t.connect();
        SioTestServer.Peer b = t.connect();
        Socket sa = connect(t, a);
        Socket sb = connect(t, b);
        CountDownLatch bRan = new CountDownLatch(1);
        CountDownLatch aFinished = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        sa.on("wait", (args, ack) -> {
            order.add("a waits");
            assertTrue(bRan.await(10, TimeUnit.SECONDS), "b ran while a was blocked");
            order.add("a done");
            aFinished.countDown();
        });
        sb.on("go", (args, ack) -> {
            order.add("b");
            bRan.countDown();
        });
        a.send("42[\"wait\"]");
        while (order.isEmpty()) Thread.sleep(1);
        b.send("42[\"go\"]");
        assertTrue(aFinished.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a waits", "b", "a done"), order);
    }

    /** An event {@code slow} whose handler waits for {@link #release}, then records "slow done". */
    private static final class SlowHandler {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SlowHandler(Socket s, List<String> order) {
            s.on("slow", (args, ack) -> {
                started.countDown();
                release.await(10, TimeUnit.SECONDS);
                order.add("slow done");
            });
        }
    }

    /** Records "<reason> on <thread>" for the socket's disconnect; the latch opens then. */
    private static CountDownLatch recordDisconnects(Socket s, List<String> order) {
        CountDownLatch disconnected = new CountDownLatch(1);
        s.onDisconnect((sock, r) -> {
            order.add(r.wireName() + " on " + Thread.currentThread().getName());
            disconnected.countDown();
        });
        return disconnected;
    }

    @Test
    void tooManyPendingEventsCloseTheClientAndItsListenersRunAfterTheHandlerInFlight() throws Exception {
        SioTestServer t = server(SocketIoOptions.defaults().withMaxPendingEvents(4));
        SioTestServer.Peer c = t.connect();
        Socket s = connect(t, c);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch disconnected = recordDisconnects(s, order);
        SlowHandler slow = new SlowHandler(s, order);
        c.send("42[\"slow\"]");
        assertTrue(slow.started.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 4; i++) c.send("42[\"slow\"]"); // queued behind the running one
        assertFalse(c.isClosed());
        c.send("42[\"slow\"]"); // one too many
        assertTrue(c.isClosed());
        assertEquals(List.of(), order, "no listener runs beside the handler in flight");
        slow.release.countDown();
        assertTrue(disconnected.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("slow done", "forced server close on handler"), order,
                "after the handler in flight, on the client's serial order; the events not started are dropped");
    }

    @Test
    void atShutdownDisconnectListenersRunAfterTheHandlerInFlight() throws Exception {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer c = t.connect();
        Socket s = connect(t, c);
        List<String> order = new CopyOnWriteArrayList<>();
        recordDisconnects(s, order);
        SlowHandler slow = new SlowHandler(s, order);
        c.send("42[\"slow\"]");
        assertTrue(slow.started.await(5, TimeUnit.SECONDS));
        Thread closer = new Thread(t.io::close, "undeploy");
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closer.getState() != Thread.State.TIMED_WAITING && closer.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until close() waits for the listeners (or, before the fix, has run them)
        }
        assertEquals(List.of(), order, "no listener runs beside the handler in flight");
        slow.release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(closer.isAlive(), "close() returns once the listeners ran");
        assertEquals(List.of("slow done", "server shutting down on handler"), order);
    }

    @Test
    void anErrorThrownByAHandlerDoesNotWedgeTheClientsQueue() throws Exception {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer c = t.connect();
        Socket s = connect(t, c);
        CountDownLatch second = new CountDownLatch(1);
        s.on("fail", (args, ack) -> {
            throw new AssertionError("an Error, not an Exception");
        });
        s.on("next", (args, ack) -> second.countDown());
        c.send("42[\"fail\"]");
        c.send("42[\"next\"]");
        assertTrue(second.await(5, TimeUnit.SECONDS), "the next event still runs");
        assertFalse(c.isClosed());
        // the Error is rethrown after the drain was handed on, so it may reach the handler after "next" ran
        for (int i = 0; i < 500 && uncaught.isEmpty(); i++) Thread.sleep(10);
        assertEquals(1, uncaught.size(), "the Error still reaches the executor: " + uncaught);
    }
}
