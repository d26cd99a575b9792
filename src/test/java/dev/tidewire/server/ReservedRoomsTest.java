package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Room names starting with {@code ~} are the library's (users' rooms): application code cannot name them. */
class ReservedRoomsTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer alicePeer;
    private SioTestServer.Peer malloryPeer;
    private Socket alice;
    private Socket mallory;

    @BeforeEach
    void connect() {
        alicePeer = t.connectAs("alice");
        malloryPeer = t.connectAs("mallory");
        alice = t.io.sockets().sockets().get(alicePeer.connectTo("/"));
        mallory = t.io.sockets().sockets().get(malloryPeer.connectTo("/"));
    }

    private static void assertRefused(Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains("is reserved"), e.getMessage());
    }

    @Test
    void joiningOrLeavingAUsersRoomByNameIsRefused() {
        assertRefused(() -> mallory.join("~user:alice"));
        assertRefused(() -> mallory.join("lobby", "~user:alice"));
        assertRefused(() -> alice.leave("~user:alice"));
        assertEquals(Set.of(mallory.id(), "~user:mallory"), mallory.rooms(), "nothing joined, not even lobby");
        assertEquals(Set.of(alice.id(), "~user:alice"), alice.rooms(), "nothing left");
    }

    @Test
    void everyNameStartingWithTheReservedCharacterIsRefusedAndNoOther() {
        assertRefused(() -> mallory.join("~"));
        assertRefused(() -> mallory.join("~anything"));
        mallory.join("a~b", "user:alice", "");
        assertEquals(Set.of(mallory.id(), "~user:mallory", "a~b", "user:alice", ""), mallory.rooms());
    }

    @Test
    void targetingOrExcludingAUsersRoomByNameIsRefused() {
        assertRefused(() -> t.io.to("~user:alice"));
        assertRefused(() -> t.io.in("~user:alice"));
        assertRefused(() -> t.io.except("~user:alice"));
        assertRefused(() -> t.io.of("/").to("lobby").except("~user:alice"));
        assertRefused(() -> mallory.to("~user:alice"));
        assertRefused(() -> mallory.broadcast().in("~user:alice"));
        assertRefused(() -> mallory.except("~user:alice"));
    }

    @Test
    void bulkJoinsAndLeavesOfAUsersRoomAreRefusedEvenWithNoTarget() {
        assertRefused(() -> t.io.sockets().socketsJoin("~user:alice"));
        assertRefused(() -> t.io.to("nobody-here").socketsJoin("~user:alice"));
        assertRefused(() -> t.io.to("nobody-here").socketsLeave("~user:alice"));
        assertEquals(List.of(alice), SioTestServer.fetched(t.io.sockets().socketsOf("alice")));
    }

    @Test
    void aClientThatSendsAUsersRoomNameGetsNothingOfThatUser() {
        mallory.on("join", (args, ack) -> mallory.join((String) args.get(0))); // a naive chat handler
        malloryPeer.send("42[\"join\",\"~user:alice\"]");
        int aliceMark = alicePeer.mark();
        int malloryMark = malloryPeer.mark();

        t.io.toUser("alice").emit("secret");

        assertEquals(List.of("42[\"secret\"]"), alicePeer.textsSince(aliceMark));
        malloryPeer.assertNothingSince(malloryMark);
        assertEquals(List.of(alice), SioTestServer.fetched(t.io.socketsOf("alice")));
    }
}
