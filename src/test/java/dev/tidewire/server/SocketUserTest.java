package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidewire.server.SioTestServer.UserPrincipal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Who a socket acts for: the handshake's principal, or the one a middleware set; and the user's room, joined when
 * the connection is accepted and left at disconnect.
 */
class SocketUserTest {
    private static final String ALICE_ROOM = "~user:alice";

    private final SioTestServer t = new SioTestServer();

    private Socket socket(String nsp, SioTestServer.Peer peer) {
        return t.io.of(nsp).sockets().get(peer.connectTo(nsp));
    }

    @Test
    void theContainersPrincipalIsTheHandshakesAndTheSocketsUser() {
        Socket s = socket("/", t.connectAs("alice"));
        assertEquals(Optional.of(new UserPrincipal("alice")), s.handshake().principal());
        assertEquals(Optional.of(new UserPrincipal("alice")), s.user());
    }

    @Test
    void anAnonymousSocketHasNoUserAndNoUserRoom() {
        Socket s = socket("/", t.connect());
        assertEquals(Optional.empty(), s.handshake().principal());
        assertEquals(Optional.empty(), s.user());
        assertEquals(Set.of(s.id()), s.rooms());
    }

    @Test
    void theUserRoomIsJoinedBeforeConnectionListenersRunAndInEachNamespace() {
        List<Set<String>> seenByListeners = new ArrayList<>();
        t.io.of("/chat").onConnection(s -> seenByListeners.add(s.rooms()));
        SioTestServer.Peer alice = t.connectAs("alice");
        Socket main = socket("/", alice);
        Socket chat = socket("/chat", alice);
        assertEquals(Set.of(main.id(), ALICE_ROOM), main.rooms());
        assertEquals(List.of(Set.of(chat.id(), ALICE_ROOM)), seenByListeners);
    }

    @Test
    void theUserRoomIsLeftAtDisconnect() {
        Socket s = socket("/", t.connectAs("alice"));
        s.disconnect();
        assertEquals(Set.of(), s.rooms());
        assertFalse(t.io.sockets().localRooms().contains(ALICE_ROOM));
    }

    @Test
    void aMiddlewareSeesTheHandshakesUserAndMaySetAnotherFromTheAuthPayload() {
        List<Optional<Principal>> seen = new ArrayList<>();
        t.io.use(s -> {
            seen.add(s.user());
            if ("bob-token".equals(s.handshake().auth().get("token"))) s.setUser(new UserPrincipal("bob"));
        });
        SioTestServer.Peer peer = t.connectAs("alice");
        String sid = peer.connectTo("/", "{\"token\":\"bob-token\"}");
        Socket s = t.io.sockets().sockets().get(sid);

        assertEquals(List.of(Optional.of(new UserPrincipal("alice"))), seen);
        assertEquals(Optional.of(new UserPrincipal("bob")), s.user());
        assertEquals(Optional.of(new UserPrincipal("alice")), s.handshake().principal(), "the handshake keeps its own");
        assertEquals(Set.of(sid, "~user:bob"), s.rooms());
    }

    @Test
    void aMiddlewareMayTakeTheUserAway() {
        t.io.use(s -> s.setUser(null));
        Socket s = socket("/", t.connectAs("alice"));
        assertEquals(Optional.empty(), s.user());
        assertEquals(Set.of(s.id()), s.rooms());
    }

    @Test
    void settingTheUserOnceTheConnectionIsAcceptedThrows() {
        List<RuntimeException> fromListener = new ArrayList<>();
        t.io.onConnection(s -> fromListener.add(
                assertThrows(IllegalStateException.class, () -> s.setUser(new UserPrincipal("mallory")))));
        Socket s = socket("/", t.connectAs("alice"));

        assertEquals(1, fromListener.size());
        assertTrue(fromListener.get(0).getMessage().contains("before the connection is accepted"),
                fromListener.get(0).getMessage());
        assertThrows(IllegalStateException.class, () -> s.setUser(new UserPrincipal("mallory")));
        assertEquals(Optional.of(new UserPrincipal("alice")), s.user());
        assertEquals(Set.of(s.id(), ALICE_ROOM), s.rooms());
    }

    @Test
    void settingTheUserOfARefusedSocketThrows() {
        List<Socket> refused = new ArrayList<>();
        t.io.use(s -> {
            refused.add(s);
            throw new ConnectionRefusedException("no");
        });
        t.connectAs("alice").send("40");
        Socket s = refused.get(0);
        assertThrows(IllegalStateException.class, () -> s.setUser(new UserPrincipal("bob")));
        assertEquals(Set.of(), s.rooms());
    }
}
