package dev.tidewire.internal.admin;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Development mode: {@code all_sockets} on connect, then a notice for each socket, room and event in or out. */
class DevelopmentNoticesTest {
    private static final String NOW = "1970-01-01T00:00:01.234Z";

    private final ManualScheduler clock = new ManualScheduler();
    private final SioHarness harness = new SioHarness(clock);
    private final Namespace chat = harness.io.of("/chat");
    private final SioHarness.Client early;
    private final AdminUi ui;
    private final SioHarness.Client admin;

    DevelopmentNoticesTest() {
        chat.onConnection(socket -> {
            socket.join("blue");
            socket.data().put("nick", "ann");
            socket.data().put(SerializedSockets.ADMIN_DATA_KEY, "never shown");
        });
        early = harness.connect("/chat");
        clock.advance(1234);
        ui = AdminUi.start(harness.io, harness.engine(), clock, AdminUiOptions.defaults(), AdminTesting.IDENTITY);
        admin = harness.connect("/admin");
    }

    @Test
    void allSocketsListsEverySocketOfEveryNamespaceAsTheReferenceSerializesThem() {
        List<?> all = (List<?>) admin.last("all_sockets");
        assertEquals(2, all.size(), "the chat socket and the admin socket itself: " + all);
        Map<?, ?> serialized = socketIn(all, early.sid());
        Socket socket = chat.sockets().get(early.sid());
        assertEquals(List.of("id", "clientId", "transport", "nsp", "data", "handshake", "rooms"),
                List.copyOf(serialized.keySet()));
        assertEquals(socket.conn().id().substring(0, 12), serialized.get("clientId"));
        assertEquals("websocket", serialized.get("transport"));
        assertEquals("/chat", serialized.get("nsp"));
        assertEquals(Map.of("nick", "ann"), serialized.get("data"), "without the reference's _admin key");
        assertEquals(Set.of("blue", early.sid()), Set.copyOf((List<?>) serialized.get("rooms")));
        Map<?, ?> handshake = (Map<?, ?>) serialized.get("handshake");
        assertEquals(List.of("address", "headers", "query", "issued", "secure", "time", "url", "xdomain"),
                List.copyOf(handshake.keySet()), "no auth: no password or token reaches the UI");
        assertEquals("127.0.0.1", handshake.get("address"));
        assertEquals("websocket", ((Map<?, ?>) handshake.get("headers")).get("upgrade"));
        assertEquals(Map.of("EIO", "4", "transport", "websocket"), handshake.get("query"));
        assertEquals(false, handshake.get("secure"));
        assertEquals(false, handshake.get("xdomain"));
        assertEquals(socket.handshake().issued(), handshake.get("issued"));
        assertEquals("/socket.io/?EIO=4&transport=websocket", handshake.get("url"));
        assertEquals("/admin", socketIn(all, admin.sid()).get("nsp"));
    }

    @Test
    void aConnectionIsToldWithItsRoomsAndTheTime() {
        SioHarness.Client late = harness.connect("/chat");
        List<List<Object>> connected = admin.arguments("socket_connected");
        List<Object> last = connected.get(connected.size() - 1);
        assertEquals(late.sid(), ((Map<?, ?>) last.get(0)).get("id"));
        assertEquals(NOW, last.get(1));
        assertTrue(admin.arguments("room_joined").containsAll(List.of(List.of("/chat", late.sid(), late.sid(), NOW),
                List.of("/chat", "blue", late.sid(), NOW))), admin.arguments("room_joined").toString());
    }

    @Test
    void anIncomingEventIsToldWithItsArguments() {
        SioHarness.Client late = harness.connect("/chat");
        late.emit("hello", 1, "x");
        assertEquals(List.of(List.of("/chat", late.sid(), List.of("hello", 1L, "x"), NOW)),
                admin.arguments("event_received"));
    }

    @Test
    void anEventWithoutDataIsToldWithNoNameNorArguments() {
        SioHarness.Client late = harness.connect("/chat");
        late.emitWithoutData();
        assertEquals(List.of(List.of("/chat", late.sid(), List.of(), NOW)), admin.arguments("event_received"));
    }

    @Test
    void anOutgoingEventIsToldForEachFollowedSocketItReaches() {
        SioHarness.Client late = harness.connect("/chat");
        admin.clear();
        chat.sockets().get(late.sid()).emit("welcome", 2);
        chat.to("blue").emit("news", "x"); // the early socket is in blue too, but is not followed
        assertEquals(List.of(List.of("/chat", late.sid(), List.of("welcome", 2L), NOW),
                List.of("/chat", late.sid(), List.of("news", "x"), NOW)), admin.arguments("event_sent"));
    }

    @Test
    void aDisconnectIsToldBeforeTheRoomsItLeaves() {
        SioHarness.Client late = harness.connect("/chat");
        admin.clear();
        late.drop();
        assertEquals(List.of("socket_disconnected", "room_left", "room_left"), admin.eventNames());
        assertEquals(List.of(List.of("/chat", late.sid(), "transport close", NOW)),
                admin.arguments("socket_disconnected"));
        assertEquals(Set.of("blue", late.sid()),
                admin.arguments("room_left").stream().map(args -> args.get(1)).collect(Collectors.toSet()));
    }

    @Test
    void aSocketConnectedBeforeTheStartIsNotFollowedOneByOneAsWithTheReference() {
        admin.clear();
        early.emit("hello");
        early.drop();
        assertEquals(List.of("room_left", "room_left"), admin.eventNames(), "its rooms are the adapter's: told");
    }

    @Test
    void anUpgradeIsToldAsAnUpdateOfTheSocketsTransport() {
        String engineSid = harness.openPolling();
        harness.post(engineSid, "40/chat,");
        Map<?, ?> connected = (Map<?, ?>) admin.last("socket_connected");
        assertEquals("polling", connected.get("transport"));
        String socketId = (String) connected.get("id");
        harness.upgrade(engineSid, "/chat");
        assertEquals(List.of(Map.of("id", socketId, "nsp", "/chat", "transport", "websocket")),
                admin.received("socket_updated"));
    }

    @Test
    void roomsJoinedAndLeftLaterAreTold() {
        Socket socket = chat.sockets().get(early.sid());
        admin.clear();
        socket.join("green");
        socket.leave("blue");
        assertEquals(List.of(List.of("/chat", "green", early.sid(), NOW)), admin.arguments("room_joined"));
        assertEquals(List.of(List.of("/chat", "blue", early.sid(), NOW)), admin.arguments("room_left"));
    }

    @Test
    void namespacesCreatedLaterAreHookedToo() {
        harness.io.of("/late");
        harness.io.of(Pattern.compile("/dyn-\\d+"));
        harness.connect("/late");
        harness.connect("/dyn-7");
        List<?> namespaces = admin.arguments("socket_connected").stream()
                .map(args -> ((Map<?, ?>) args.get(0)).get("nsp")).toList();
        assertTrue(namespaces.containsAll(List.of("/late", "/dyn-7")), namespaces.toString());
    }

    @Test
    void theAdminNamespacesOwnEventsAreNotLogged() {
        admin.emit("join", "/chat", "green");
        assertEquals(List.of(), admin.arguments("event_received"));
        assertTrue(admin.eventNames().contains("room_joined"), admin.eventNames().toString());
        assertEquals(List.of(), admin.arguments("event_sent"), "the notices to the admin socket are not told again");
    }

    @Test
    void nothingIsToldOnceClosed() {
        ui.close();
        admin.clear();
        SioHarness.Client late = harness.connect("/chat");
        late.emit("hello");
        late.drop();
        assertEquals(List.of(), admin.eventNames());
    }

    private static Map<?, ?> socketIn(List<?> all, String id) {
        for (Object s : all) if (id.equals(((Map<?, ?>) s).get("id"))) return (Map<?, ?>) s;
        throw new AssertionError("no socket " + id + " in " + all);
    }
}
