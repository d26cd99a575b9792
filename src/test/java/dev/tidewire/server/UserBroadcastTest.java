package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reaching a user: {@code io.toUser} in every namespace, {@code nsp.toUser} in one (composable like any operator),
 * {@code socketsOf} and {@code disconnectUser}. Alice has two connections (two tabs), each in {@code /} and
 * {@code /chat}; Bob has one, in both; an anonymous client too.
 */
class UserBroadcastTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer aliceTab1;
    private SioTestServer.Peer aliceTab2;
    private SioTestServer.Peer bob;
    private SioTestServer.Peer anonymous;

    @BeforeEach
    void connect() {
        t.io.of("/chat");
        aliceTab1 = t.connectAs("alice");
        aliceTab2 = t.connectAs("alice");
        bob = t.connectAs("bob");
        anonymous = t.connect();
        for (SioTestServer.Peer p : List.of(aliceTab1, aliceTab2, bob, anonymous)) {
            p.connectTo("/");
            p.connectTo("/chat");
        }
    }

    private List<Integer> marks() {
        return List.of(aliceTab1.mark(), aliceTab2.mark(), bob.mark(), anonymous.mark());
    }

    /** What each peer received since {@code marks}, sorted: namespaces are visited in no particular order. */
    private List<List<String>> textsSince(List<Integer> marks) {
        return List.of(sorted(aliceTab1.textsSince(marks.get(0))), sorted(aliceTab2.textsSince(marks.get(1))),
                sorted(bob.textsSince(marks.get(2))), sorted(anonymous.textsSince(marks.get(3))));
    }

    private static List<String> sorted(List<String> texts) {
        return texts.stream().sorted().toList();
    }

    private static Set<String> ids(List<? extends RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).collect(Collectors.toSet());
    }

    private Set<String> idsIn(String nsp, SioTestServer.Peer... peers) {
        Set<String> ids = new HashSet<>();
        for (Socket s : t.io.of(nsp).sockets().values()) {
            for (SioTestServer.Peer p : peers) if (s.client().session().id().equals(p.engineSid)) ids.add(s.id());
        }
        return ids;
    }

    @Test
    void theServersToUserReachesEverySocketOfTheUserInEveryNamespaceAndNoOther() {
        List<Integer> marks = marks();
        t.io.toUser("alice").emit("order", 42);
        List<String> both = List.of("42/chat,[\"order\",42]", "42[\"order\",42]");
        assertEquals(List.of(both, both, List.of(), List.of()), textsSince(marks));
    }

    @Test
    void severalUsersAtOnce() {
        List<Integer> marks = marks();
        t.io.toUser("alice", "bob").emit("hi");
        List<String> both = List.of("42/chat,[\"hi\"]", "42[\"hi\"]");
        assertEquals(List.of(both, both, both, List.of()), textsSince(marks));
    }

    @Test
    void aNamespacesToUserReachesOnlyThatNamespaceAndComposes() {
        List<Integer> marks = marks();
        t.io.of("/chat").toUser("alice").emit("a");
        t.io.of("/chat").toUser("alice").to("lobby").emit("b"); // nobody in lobby: alice's sockets only
        t.io.of("/chat").to("lobby").toUser("bob").emit("c");
        List<String> alice = List.of("42/chat,[\"a\"]", "42/chat,[\"b\"]");
        assertEquals(List.of(alice, alice, List.of("42/chat,[\"c\"]"), List.of()), textsSince(marks));
    }

    @Test
    void exceptUserLeavesOutEverySocketOfTheUser() {
        List<Integer> marks = marks();
        t.io.of("/chat").except("nobody").exceptUser("alice").emit("not-alice");
        t.io.sockets().exceptUser("alice", "bob").emit("anonymous-only");
        List<String> got = List.of("42/chat,[\"not-alice\"]");
        assertEquals(List.of(List.of(), List.of(), got, List.of(got.get(0), "42[\"anonymous-only\"]")),
                textsSince(marks));
    }

    @Test
    void aSocketReachesItsUsersOtherTabsWithBroadcastToUser() {
        Socket tab1 = SioTestServer.fetched(t.io.sockets().socketsOf("alice")).stream().map(Socket.class::cast)
                .filter(s -> s.client().session().id().equals(aliceTab1.engineSid)).findFirst().orElseThrow();
        List<Integer> marks = marks();
        tab1.broadcast().toUser("alice").emit("sync");
        assertEquals(List.of(List.of(), List.of("42[\"sync\"]"), List.of(), List.of()), textsSince(marks));
    }

    @Test
    void socketsOfListsTheUsersSocketsInEveryNamespaceOrInOne() {
        Set<String> mainOfAlice = idsIn("/", aliceTab1, aliceTab2);
        Set<String> chatOfAlice = idsIn("/chat", aliceTab1, aliceTab2);
        assertEquals(2, mainOfAlice.size());
        assertEquals(mainOfAlice, ids(SioTestServer.fetched(t.io.sockets().socketsOf("alice"))));
        assertEquals(chatOfAlice, ids(SioTestServer.fetched(t.io.of("/chat").socketsOf("alice"))));
        Set<String> all = new HashSet<>(mainOfAlice);
        all.addAll(chatOfAlice);
        assertEquals(all, ids(SioTestServer.fetched(t.io.socketsOf("alice"))));
        assertEquals(4, SioTestServer.fetched(t.io.socketsOf("alice")).size());
        assertEquals(List.of(), SioTestServer.fetched(t.io.socketsOf("carol")));
    }

    @Test
    void disconnectUserWithoutCloseLeavesEveryNamespaceButKeepsTheConnections() {
        t.io.disconnectUser("alice", false);
        assertEquals(List.of(), SioTestServer.fetched(t.io.socketsOf("alice")));
        assertTrue(aliceTab1.texts().containsAll(List.of("41", "41/chat,")), aliceTab1.texts().toString());
        assertFalse(aliceTab1.isClosed());
        assertFalse(aliceTab2.isClosed());
        assertEquals(2, SioTestServer.fetched(t.io.socketsOf("bob")).size());
        assertEquals(2, t.io.sockets().sockets().size(), "bob's and the anonymous socket");
    }

    @Test
    void disconnectUserWithCloseClosesTheUsersConnections() {
        t.io.disconnectUser("alice", true);
        assertTrue(aliceTab1.isClosed());
        assertTrue(aliceTab2.isClosed());
        assertFalse(bob.isClosed());
        assertEquals(List.of(), SioTestServer.fetched(t.io.socketsOf("alice")));
        assertEquals(2, SioTestServer.fetched(t.io.socketsOf("bob")).size());
    }

    @Test
    void aNamespacesDisconnectUserLeavesTheOtherNamespaces() {
        t.io.of("/chat").disconnectUser("alice", false);
        assertEquals(List.of(), SioTestServer.fetched(t.io.of("/chat").socketsOf("alice")));
        assertEquals(2, SioTestServer.fetched(t.io.sockets().socketsOf("alice")).size());
    }

    @Test
    void aReservedEventOrAnEmptyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> t.io.toUser("alice").emit("disconnect"));
        assertThrows(IllegalArgumentException.class, () -> t.io.toUser(""));
        assertThrows(IllegalArgumentException.class, () -> t.io.sockets().toUser(""));
    }

    @Test
    void noUserNameIsRefusedRatherThanReachingEveryone() {
        int mark = anonymous.mark();
        assertThrows(IllegalArgumentException.class, () -> t.io.toUser());
        assertThrows(IllegalArgumentException.class, () -> t.io.sockets().toUser());
        assertThrows(IllegalArgumentException.class, () -> t.io.to("room").toUser());
        anonymous.assertNothingSince(mark);
        t.io.sockets().exceptUser().emit("everyone"); // excluding nobody is harmless
        assertEquals(List.of("42[\"everyone\"]"), anonymous.textsSince(mark));
    }

    @Test
    void aParentNamespaceSendsToUsersThroughItsChildren() {
        ParentNamespace parent = t.io.of(Pattern.compile("/team-\\d+"));
        aliceTab1.connectTo("/team-1");
        bob.connectTo("/team-2");
        int mark = aliceTab1.mark();
        int bobMark = bob.mark();
        t.io.toUser("alice").emit("x");
        parent.toUser("alice").emit("y");
        parent.exceptUser("alice").emit("z");
        assertEquals(List.of("42/team-1,[\"x\"]", "42/team-1,[\"y\"]"),
                aliceTab1.textsSince(mark).stream().filter(f -> f.startsWith("42/team-1")).toList());
        assertEquals(List.of("42/team-2,[\"z\"]"), bob.textsSince(bobMark));
    }
}
