package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Room lifecycle events of the adapter, in the reference's order (socket.io-adapter 2.5). */
class AdapterEventsTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        t.io.sockets().addRoomListener(new RoomListener() {
            public void onCreateRoom(String room) {
                events.add("create-room " + room);
            }

            public void onJoinRoom(String room, String socketId) {
                events.add("join-room " + room + " " + socketId);
            }

            public void onLeaveRoom(String room, String socketId) {
                events.add("leave-room " + room + " " + socketId);
            }

            public void onDeleteRoom(String room) {
                events.add("delete-room " + room);
            }
        });
    }

    private Socket connect(SioTestServer.Peer c) {
        return t.io.sockets().sockets().get(c.connectTo("/"));
    }

    @Test
    void connectingCreatesAndJoinsTheOwnRoom() {
        Socket s = connect(t.connect());
        assertEquals(List.of("create-room " + s.id(), "join-room " + s.id() + " " + s.id()), events);
    }

    @Test
    void theFirstMemberCreatesTheRoomLaterMembersOnlyJoin() {
        Socket a = connect(t.connect());
        Socket b = connect(t.connect());
        events.clear();
        a.join("room");
        b.join("room");
        assertEquals(List.of("create-room room", "join-room room " + a.id(), "join-room room " + b.id()), events);
    }

    @Test
    void severalRoomsInOneJoinFollowTheGivenOrder() {
        Socket a = connect(t.connect());
        events.clear();
        a.join("x", "y", "z");
        assertEquals(List.of("create-room x", "join-room x " + a.id(), "create-room y", "join-room y " + a.id(),
                "create-room z", "join-room z " + a.id()), events);
    }

    @Test
    void joiningAgainEmitsNothing() {
        Socket a = connect(t.connect());
        a.join("room");
        events.clear();
        a.join("room");
        assertEquals(List.of(), events);
    }

    @Test
    void leavingEmitsLeaveRoomAndDeleteRoomWhenTheRoomIsEmpty() {
        Socket a = connect(t.connect());
        Socket b = connect(t.connect());
        a.join("room");
        b.join("room");
        events.clear();
        a.leave("room");
        assertEquals(List.of("leave-room room " + a.id()), events);
        events.clear();
        b.leave("room");
        assertEquals(List.of("leave-room room " + b.id(), "delete-room room"), events);
        events.clear();
        b.leave("room");
        assertEquals(List.of(), events);
    }

    @Test
    void onDisconnectEachRoomIsLeftThenDeletedWhenEmpty() {
        Socket a = connect(t.connect());
        SioTestServer.Peer cb = t.connect();
        Socket b = connect(cb);
        a.join("shared");
        b.join("shared", "solo");
        events.clear();
        cb.send("41");
        // per room: leave-room, then delete-room right after it if the room became empty (adapter `_del`)
        assertEquals(3, events.stream().filter(e -> e.startsWith("leave-room")).count(), events.toString());
        assertEquals(Set.of("leave-room " + b.id() + " " + b.id(), "delete-room " + b.id(),
                "leave-room shared " + b.id(), "leave-room solo " + b.id(), "delete-room solo"), Set.copyOf(events));
        assertEquals(5, events.size());
        int leaveOwn = events.indexOf("leave-room " + b.id() + " " + b.id());
        assertEquals("delete-room " + b.id(), events.get(leaveOwn + 1));
        int leaveSolo = events.indexOf("leave-room solo " + b.id());
        assertEquals("delete-room solo", events.get(leaveSolo + 1));
        assertTrue(t.io.sockets().localRooms().contains("shared"));
    }

    @Test
    void roomsAreLeftBetweenDisconnectingAndDisconnect() {
        SioTestServer.Peer c = t.connect();
        Socket a = connect(c);
        a.onDisconnecting((s, r) -> events.add("disconnecting"));
        a.onDisconnect((s, r) -> events.add("disconnect"));
        events.clear();
        c.closeTransport();
        assertEquals(List.of("disconnecting", "leave-room " + a.id() + " " + a.id(), "delete-room " + a.id(),
                "disconnect"), events);
    }

    @Test
    void aMiddlewareRefusalCleansUpTheRoomsItJoined() {
        t.io.use(s -> {
            s.join("lobby");
            throw new ConnectionRefusedException("no");
        });
        t.connect().send("40");
        assertEquals(4, events.size(), events.toString());
        assertEquals("create-room lobby", events.get(0));
        assertTrue(events.get(1).startsWith("join-room lobby "), events.toString());
        String id = events.get(1).substring("join-room lobby ".length());
        // the refused socket leaves what it joined (the reference's `_cleanup` -> `leaveAll`)
        assertEquals(List.of("leave-room lobby " + id, "delete-room lobby"), events.subList(2, 4));
        assertEquals(Set.of(), t.io.sockets().localRooms());
        assertEquals(Set.of(), t.io.sockets().rooms().socketRooms(id));
    }
}
