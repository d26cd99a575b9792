package dev.tidewire.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user's room is the adapter's membership, changed by every connect and disconnect of the user's sockets: many
 * sockets of one user arriving and leaving on several threads at once must leave it holding exactly the connected
 * ones, and nobody once they are all gone.
 */
class UserRoomConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CONNECTIONS_PER_THREAD = 60;

    private final SioTestServer t = new SioTestServer();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void theUsersRoomHoldsExactlyItsConnectedSockets() throws Exception {
        Set<String> stillConnected = ConcurrentHashMap.newKeySet();
        runTogether(n -> () -> {
            for (int i = 0; i < CONNECTIONS_PER_THREAD; i++) {
                SioTestServer.Peer peer = t.connectAs("alice");
                String sid = peer.connectTo("/");
                switch (i % 3) {
                    case 0 -> peer.send("41"); // the client leaves the namespace
                    case 1 -> peer.closeTransport(); // the connection drops
                    default -> stillConnected.add(sid);
                }
            }
            return null;
        });

        assertEquals(THREADS * CONNECTIONS_PER_THREAD / 3, stillConnected.size());
        Set<String> inRoom = ids(SioTestServer.fetched(t.io.socketsOf("alice")));
        assertEquals(Set.of(), difference(stillConnected, inRoom), "connected, yet missing from the user's room");
        assertEquals(Set.of(), difference(inRoom, stillConnected), "in the user's room, yet disconnected");
        for (Socket s : t.io.sockets().sockets().values()) assertEquals(Set.of(s.id(), "~user:alice"), s.rooms());

        // the rest leave at once, each thread disconnecting its share: no member may stay behind in the room
        List<Socket> rest = List.copyOf(t.io.sockets().sockets().values());
        runTogether(n -> () -> {
            for (int i = n; i < rest.size(); i += THREADS) rest.get(i).disconnect();
            return null;
        });
        assertEquals(List.of(), SioTestServer.fetched(t.io.socketsOf("alice")));
        assertEquals(Set.of(), t.io.sockets().localRooms(), "every room, the user's included, is gone");
    }

    /** Starts one task per thread at the same moment and waits for all; a task's failure fails the test. */
    private void runTogether(IntFunction<Callable<Void>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int n = 0; n < THREADS; n++) {
            Callable<Void> work = task.apply(n);
            done.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        for (Future<Void> f : done) f.get(60, SECONDS);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Set<String> ids(List<? extends RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).collect(Collectors.toSet());
    }
}
