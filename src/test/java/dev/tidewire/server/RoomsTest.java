package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Room membership through the adapter: join, leave, cleanup, and the bulk operations of an operator. */
class RoomsTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c1;
    private SioTestServer.Peer c2;
    private Socket s1;
    private Socket s2;

    @BeforeEach
    void connect() {
        c1 = t.connect();
        c2 = t.connect();
        s1 = t.io.sockets().sockets().get(c1.connectTo("/"));
        s2 = t.io.sockets().sockets().get(c2.connectTo("/"));
    }

    @Test
    void aDisconnectDuringAJoinLeavesTheSocketInNoRoom() throws Exception {
        // the disconnect starts on another thread while s1 is between its two rooms; it must wait for the join
        AtomicReference<Thread> disconnecting = new AtomicReference<>();
        t.io.sockets().addRoomListener(new RoomListener() {
            @Override
            public void onJoinRoom(String room, String socketId) {
                if (!room.equals("first")) return;
                Thread other = new Thread(() -> s1.disconnect());
                disconnecting.set(other);
                other.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (other.getState() != Thread.State.TERMINATED && other.getState() != Thread.State.BLOCKED
                        && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // until the disconnect is done, or waits for the join
                }
            }
        });
        s1.join("first", "second");
        disconnecting.get().join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(disconnecting.get().isAlive());
        assertEquals(Set.of(), s1.rooms(), "a departed socket is in no room");
        assertFalse(t.io.sockets().localRooms().contains("second"), "and no room keeps it");
    }

    @Test
    void joinAndLeaveChangeTheSocketsRooms() {
        s1.join("a", "b");
        assertEquals(Set.of(s1.id(), "a", "b"), s1.rooms());
        s1.leave("a");
        assertEquals(Set.of(s1.id(), "b"), s1.rooms());
        s1.leave("not-a-member");
        assertEquals(Set.of(s1.id(), "b"), s1.rooms());
    }

    @Test
    void joiningTheSameRoomTwiceIsHarmless() {
        s1.join("a");
        s1.join("a", "a");
        assertEquals(Set.of(s1.id(), "a"), s1.rooms());
        t.io.to("a").emit("once");
        assertEquals(1, c1.texts().stream().filter("42[\"once\"]"::equals).count());
    }

    @Test
    void roomsTrackMembersAndEmptyRoomsAreDeleted() {
        s1.join("room");
        s2.join("room");
        assertTrue(t.io.sockets().localRooms().contains("room"));
        s1.leave("room");
        assertTrue(t.io.sockets().localRooms().contains("room"));
        s2.leave("room");
        assertFalse(t.io.sockets().localRooms().contains("room"));
    }

    @Test
    void emitToARoomReachesOnlyItsMembers() {
        s1.join("room");
        int m1 = c1.mark();
        int m2 = c2.mark();
        t.io.to("room").emit("news", "hi");
        assertEquals(List.of("42[\"news\",\"hi\"]"), c1.textsSince(m1));
        c2.assertNothingSince(m2);
    }

    @Test
    void afterLeavingNoMoreDeliveries() {
        s1.join("room");
        s1.leave("room");
        int m1 = c1.mark();
        t.io.to("room").emit("news");
        c1.assertNothingSince(m1);
    }

    @Test
    void disconnectLeavesEveryRoom() {
        s1.join("a", "b");
        c1.send("41");
        assertEquals(Set.of(), s1.rooms());
        assertEquals(Set.of(s2.id()), t.io.sockets().localRooms());
    }

    @Test
    void joinAfterDisconnectIsANoOp() {
        s1.disconnect();
        s1.join("late");
        assertEquals(Set.of(), s1.rooms());
        assertFalse(t.io.sockets().localRooms().contains("late"));
    }

    @Test
    void roomsAreScopedToTheirNamespace() {
        t.io.of("/other");
        Socket o = t.io.of("/other").sockets().get(c2.connectTo("/other"));
        o.join("room");
        s1.join("room");
        int m2 = c2.mark();
        int m1 = c1.mark();
        t.io.to("room").emit("main");
        assertEquals(List.of("42[\"main\"]"), c1.textsSince(m1));
        c2.assertNothingSince(m2);
        t.io.of("/other").to("room").emit("other");
        assertEquals(List.of("42/other,[\"other\"]"), c2.textsSince(m2));
    }

    @Test
    void aSocketIdIsARoom() {
        int m2 = c2.mark();
        t.io.to(s2.id()).emit("private", "psst");
        assertEquals(List.of("42[\"private\",\"psst\"]"), c2.textsSince(m2));
        s1.to(s2.id()).emit("dm");
        assertEquals("42[\"dm\"]", c2.lastText());
    }

    @Test
    void fetchSocketsSocketsJoinLeaveAndDisconnectSocketsOnAnOperator() {
        s1.join("a");
        assertEquals(Set.of(s1.id(), s2.id()), ids(SioTestServer.fetched(t.io.sockets().fetchSockets())));
        assertEquals(Set.of(s1.id()), ids(SioTestServer.fetched(t.io.in("a").fetchSockets())));
        assertEquals(Set.of(s2.id()), ids(SioTestServer.fetched(t.io.except("a").fetchSockets())));

        t.io.in("a").socketsJoin("b");
        assertEquals(Set.of(s1.id(), "a", "b"), s1.rooms());
        assertEquals(Set.of(s2.id()), s2.rooms());

        t.io.sockets().socketsJoin("all");
        assertTrue(s2.rooms().contains("all"));
        t.io.except("a").socketsLeave("all");
        assertFalse(s2.rooms().contains("all"));
        assertTrue(s1.rooms().contains("all"));

        t.io.in("a").disconnectSockets(false);
        assertEquals("41", c1.lastText());
        assertFalse(s1.connected());
        assertTrue(s2.connected());
        assertFalse(c1.isClosed());
    }

    @Test
    void disconnectSocketsWithCloseClosesTheConnections() {
        t.io.sockets().disconnectSockets(true);
        assertTrue(c1.isClosed());
        assertTrue(c2.isClosed());
        assertTrue(t.io.sockets().sockets().isEmpty());
    }

    private static Set<String> ids(List<? extends RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).collect(Collectors.toSet());
    }
}
