package dev.tidewire.demo.chat;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.demo.SioHarness.Client;
import dev.tidewire.internal.jakarta.AnnotatedWiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /chat handlers, wired from the annotated bean as at deployment, on a real engine and Socket.IO server. */
class ChatNamespaceTest {
    private final SioHarness harness = new SioHarness();
    private final ChatNamespace chat = new ChatNamespace();

    @BeforeEach
    void wire() {
        AnnotatedWiring.register(harness.io, chat, SioHarness.BINDER);
    }

    private Client user(String nick, String room) {
        Client c = harness.connect("/chat");
        Map<?, ?> reply = (Map<?, ?>) c.call("login", nick, room, null);
        assertEquals(true, reply.get("ok"), String.valueOf(reply));
        return c;
    }

    private static Map<?, ?> map(Object o) {
        return (Map<?, ?>) o;
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    void loginAnswersWithTheNicknameRoomAndMembers() {
        Client a = harness.connect("/chat");
        assertEquals(0, number(a.last("users")));
        Map<?, ?> reply = map(a.call("login", " alice ", "Lobby", null));
        assertEquals(true, reply.get("ok"));
        assertEquals("alice", reply.get("nick"));
        assertEquals("lobby", reply.get("room"));
        assertEquals(List.of("alice"), reply.get("members"));
        assertEquals(500, number(reply.get("maxLength")));
        assertNotNull(reply.get("token"));
        assertEquals(1, number(a.last("users")));
    }

    @Test
    void invalidAndTakenNicknamesAreRefusedWithAReason() {
        user("alice", null);
        Client b = harness.connect("/chat");
        assertTrue(((String) map(b.call("login", "", null, null)).get("error")).contains("choose a nickname"));
        assertTrue(((String) map(b.call("login", "x".repeat(21), null, null)).get("error")).contains("at most 20"));
        assertTrue(((String) map(b.call("login", "<b>x</b>", null, null)).get("error")).startsWith("Use letters"));
        Map<?, ?> taken = map(b.call("login", "ALICE", null, null));
        assertEquals(false, taken.get("ok"));
        assertTrue(((String) taken.get("error")).contains("already taken"));
        assertEquals(true, map(b.call("login", "bob", null, null)).get("ok"), "a retry with a free nickname");
    }

    @Test
    void joinAndLeaveNoticesAndMemberLists() {
        Client a = user("alice", null);
        a.clear();
        Client b = user("bob", null);
        assertEquals(Map.of("room", "lobby", "kind", "join", "nick", "bob"), withoutTime(a.last("notice")));
        assertEquals(List.of("alice", "bob"), map(a.last("members")).get("members"));
        assertEquals(2, number(a.last("users")));

        a.clear();
        Map<?, ?> joined = map(b.call("join", "Harbour"));
        assertEquals("harbour", joined.get("room"));
        assertEquals(List.of("bob"), joined.get("members"));
        assertEquals(Map.of("room", "lobby", "kind", "leave", "nick", "bob"), withoutTime(a.last("notice")));
        assertEquals(List.of("alice"), map(a.last("members")).get("members"));
        assertEquals(List.of(Map.of("name", "harbour", "count", 1L), Map.of("name", "lobby", "count", 1L)),
                normalizeCounts(a.last("rooms")));

        a.clear();
        b.drop();
        assertTrue(a.received("notice").isEmpty(), "bob left another room");
        assertEquals(1, number(a.last("users")));
        assertEquals(List.of(Map.of("name", "lobby", "count", 1L)), normalizeCounts(a.last("rooms")));
        assertNull(chat.socketOf("bob"), "the nickname is free again");
    }

    @Test
    void aDisconnectIsAnnouncedToTheRoom() {
        Client a = user("alice", null);
        Client b = user("bob", null);
        a.clear();
        b.drop();
        assertEquals(Map.of("room", "lobby", "kind", "leave", "nick", "bob"), withoutTime(a.last("notice")));
        assertEquals(List.of("alice"), map(a.last("members")).get("members"));
    }

    @Test
    void aMessageGoesToTheOthersInTheRoomOnly() {
        Client a = user("alice", null);
        Client b = user("bob", null);
        Client c = user("carol", "elsewhere");
        Map<?, ?> ack = map(a.call("message", "hello <b>room</b>"));
        assertEquals(true, ack.get("ok"));
        Map<?, ?> got = map(b.last("message"));
        assertEquals("alice", got.get("from"));
        assertEquals("hello <b>room</b>", got.get("text"), "text is passed on verbatim; the page escapes it");
        assertEquals("lobby", got.get("room"));
        assertEquals(ack.get("id"), got.get("id"));
        assertTrue(a.received("message").isEmpty(), "the sender shows its own message itself");
        assertTrue(c.received("message").isEmpty(), "another room");
    }

    @Test
    void aPrivateMessageReachesOnlyItsTarget() {
        Client a = user("alice", null);
        Client b = user("bob", null);
        Client c = user("carol", null);
        Map<?, ?> ack = map(a.call("private message", "BOB", "psst"));
        assertEquals(true, ack.get("ok"));
        assertEquals("bob", ack.get("to"));
        assertEquals(Map.of("from", "alice", "to", "bob", "text", "psst"),
                Map.of("from", map(b.last("private message")).get("from"), "to", map(b.last("private message")).get("to"),
                        "text", map(b.last("private message")).get("text")));
        assertTrue(c.received("private message").isEmpty());
        assertTrue(a.received("private message").isEmpty());
        assertTrue(((String) map(a.call("private message", "nobody", "hi")).get("error")).contains("Nobody called"));
        assertTrue(((String) map(a.call("private message", "alice", "hi")).get("error")).contains("That is you"));
    }

    /** A socket of signed-in {@code name} (a middleware stands in for the container's authentication), logged in. */
    private Client signedIn(String name) {
        Client c = harness.open("/chat", "{\"user\":\"" + name + "\"}");
        assertNotNull(c.sid(), "no CONNECT reply");
        Map<?, ?> reply = map(c.call("login", "ignored-" + name, null, null));
        assertEquals(name, reply.get("nick"), String.valueOf(reply));
        return c;
    }

    @Test
    void aPrivateMessageToASignedInUserReachesEveryTab() {
        harness.io.of("/chat").use(socket -> {
            if (socket.handshake().auth().get("user") instanceof String name) socket.setUser(() -> name);
        });
        Client tab1 = signedIn("alice");
        Client tab2 = signedIn("alice");
        Client bob = user("bob", null);
        assertEquals(2, number(bob.last("users")), "alice counts once");

        assertEquals(true, map(bob.call("private message", "alice", "to every tab")).get("ok"));
        assertEquals("to every tab", map(tab1.last("private message")).get("text"));
        assertEquals("to every tab", map(tab2.last("private message")).get("text"));
        assertTrue(((String) map(tab1.call("private message", "alice", "hi")).get("error")).contains("That is you"));

        assertEquals(true, map(tab2.call("private message", "bob", "from my second tab")).get("ok"));
        assertEquals("alice", map(bob.last("private message")).get("from"));
    }

    @Test
    void typingIsRelayedToTheRoomWithoutAck() {
        Client a = user("alice", null);
        Client b = user("bob", null);
        Client c = user("carol", "elsewhere");
        b.emit("typing", true);
        assertEquals(Map.of("room", "lobby", "nick", "bob", "typing", true), a.last("typing"));
        b.emit("typing", false);
        assertEquals(Map.of("room", "lobby", "nick", "bob", "typing", false), a.last("typing"));
        assertTrue(c.received("typing").isEmpty());
        assertTrue(b.received("typing").isEmpty());
    }

    @Test
    void eventsBeforeLoginAreRefused() {
        Client a = harness.connect("/chat");
        assertEquals(false, map(a.call("message", "hi")).get("ok"));
        assertEquals(false, map(a.call("join", "room")).get("ok"));
        assertEquals(false, map(a.call("private message", "x", "hi")).get("ok"));
    }

    @Test
    void longMessagesAreRefusedWithAnErrorEvent() {
        Client a = user("alice", null);
        Client b = user("bob", null);
        Map<?, ?> ack = map(a.call("message", "x".repeat(501)));
        assertEquals(false, ack.get("ok"));
        assertEquals("too-long", map(a.last("chat error")).get("code"));
        assertTrue(b.received("message").isEmpty());
        assertEquals(true, map(a.call("message", "x".repeat(500))).get("ok"));
        assertEquals(false, map(a.call("message", "   ")).get("ok"));
    }

    @Test
    void floodingHitsTheRateLimit() {
        Client a = user("alice", null); // the login took one token of the burst of 10
        Client b = user("bob", null);
        int sent = 0;
        for (int i = 0; i < 30; i++) {
            if (Boolean.TRUE.equals(map(a.call("message", "m" + i)).get("ok"))) sent++;
        }
        assertTrue(sent >= 9 && sent < 12, "sent " + sent);
        assertEquals(sent, b.received("message").size());
        assertEquals("rate-limit", map(a.last("chat error")).get("code"));
        assertEquals(true, map(b.call("message", "bob is not limited")).get("ok"));
    }

    @Test
    void aReconnectWithTheTokenTakesTheNicknameBackQuietly() {
        Client a = harness.connect("/chat");
        Map<?, ?> first = map(a.call("login", "alice", "harbour", null));
        Client b = user("bob", "harbour");
        b.clear();
        Client a2 = harness.connect("/chat");
        Map<?, ?> again = map(a2.call("login", "alice", "harbour", first.get("token")));
        assertEquals(true, again.get("ok"), String.valueOf(again));
        assertTrue(a.closed, "the stale connection is closed");
        assertTrue(b.received("notice").isEmpty(), "no leave/join noise for a takeover");
        assertEquals(List.of("alice", "bob"), map(b.last("members")).get("members"));
        assertNotEquals(a.sid(), chat.socketOf("alice"));
        assertEquals(a2.sid(), chat.socketOf("alice"));
        assertFalse(map(harness.connect("/chat").call("login", "alice", null, "guess")).get("ok").equals(true));
    }

    private static Map<Object, Object> withoutTime(Object notice) {
        Map<Object, Object> m = new java.util.HashMap<>(map(notice));
        assertNotNull(m.remove("time"));
        return m;
    }

    private static List<Map<String, Object>> normalizeCounts(Object rooms) {
        return ((List<?>) rooms).stream().map(r -> Map.<String, Object>of("name", map(r).get("name"),
                "count", ((Number) map(r).get("count")).longValue())).toList();
    }
}
