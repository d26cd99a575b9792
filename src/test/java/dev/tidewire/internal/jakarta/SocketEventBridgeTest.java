package dev.tidewire.internal.jakarta;

import dev.tidewire.server.HeldExecutor;
import dev.tidewire.demo.SioHarness;
import dev.tidewire.demo.SioHarness.Client;
import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.RoomLeft;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketDisconnected;
import dev.tidewire.jakarta.events.SocketEvent;
import dev.tidewire.server.ConnectionRefusedException;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which socket events reach the sink, once each, from every namespace; what an observer's failure leaves intact. */
class SocketEventBridgeTest {
    private static final Set<Class<? extends SocketEvent>> ALL = Set.copyOf(ObservedSocketEvents.KINDS);

    private final HeldExecutor executor = new HeldExecutor();
    private final SioHarness harness = new SioHarness(executor, SioHarness.BINDER);
    private final List<SocketEvent> fired = new ArrayList<>();

    private void observe(Set<Class<? extends SocketEvent>> kinds) {
        SocketEventBridge.install(harness.io, kinds, fired::add);
    }

    private Client connect(String namespace) {
        Client c = harness.open(namespace, null);
        executor.runAll();
        assertNotNull(c.sid(), "no CONNECT reply");
        return c;
    }

    private Socket socketOf(String namespace, Client c) {
        return harness.io.of(namespace).sockets().get(c.sid());
    }

    private void drop(Client c) {
        c.drop();
        executor.runAll();
    }

    @Test
    void connectedThenDisconnectedOnceEachWithTheReason() {
        observe(ALL);
        harness.io.of("/chat");
        Client a = connect("/chat");
        Client b = connect("/chat");
        Socket sa = socketOf("/chat", a);
        Socket sb = socketOf("/chat", b);
        drop(a);
        sb.disconnect();
        assertEquals(List.of(new SocketConnected(sa), new SocketConnected(sb),
                new SocketDisconnected(sa, DisconnectReason.TRANSPORT_CLOSE),
                new SocketDisconnected(sb, DisconnectReason.SERVER_NAMESPACE_DISCONNECT)), fired);
        assertEquals("/chat", fired.get(0).namespace());
    }

    @Test
    void applicationRoomsFireOnceEachAndTheSocketsOwnRoomNever() {
        observe(ALL);
        harness.io.of("/chat");
        Client c = connect("/chat");
        Socket s = socketOf("/chat", c);
        s.join("lobby");
        s.join("lobby");
        s.leave("lobby");
        s.leave("lobby");
        s.join("games");
        drop(c);
        assertEquals(List.of(new SocketConnected(s), new RoomJoined(s, "lobby"), new RoomLeft(s, "lobby"),
                new RoomJoined(s, "games"), new RoomLeft(s, "games"),
                new SocketDisconnected(s, DisconnectReason.TRANSPORT_CLOSE)), fired);
    }

    @Test
    void theUsersRoomNeverFires() {
        observe(ALL);
        harness.io.of("/chat").use(socket -> socket.setUser(() -> "alice"));
        Client c = connect("/chat");
        Socket s = socketOf("/chat", c);
        assertEquals(List.of(s), harness.io.socketsOf("alice").toCompletableFuture().join());
        drop(c);
        assertEquals(List.of(new SocketConnected(s), new SocketDisconnected(s, DisconnectReason.TRANSPORT_CLOSE)), fired);
    }

    @Test
    void aNamespaceThatExistedBeforeIsCovered() {
        harness.io.of("/early");
        observe(ALL);
        Socket s = socketOf("/early", connect("/early"));
        assertEquals(List.of(new SocketConnected(s)), fired);
    }

    @Test
    void aDynamicNamespacesChildCreatedLaterIsCovered() {
        observe(ALL);
        harness.io.of(Pattern.compile("/team-\\d+")).onConnection(s -> s.join("team"));
        Socket s = socketOf("/team-7", connect("/team-7"));
        assertEquals(List.of(new RoomJoined(s, "team"), new SocketConnected(s)), fired,
                "the parent's listeners run before the child's");
        assertEquals("/team-7", fired.get(0).namespace());
    }


    @Test
    void onlyTheObservedKindsFire() {
        observe(Set.of(RoomJoined.class));
        harness.io.of("/chat");
        Client c = connect("/chat");
        Socket s = socketOf("/chat", c);
        s.join("lobby");
        s.leave("lobby");
        drop(c);
        assertEquals(List.of(new RoomJoined(s, "lobby")), fired);
    }

    @Test
    void withNothingObservedANonBlockingNamespaceStillConnectsOnTheReadingThread() {
        harness.io.of("/fast").onConnection(Namespace.nonBlocking(s -> s.join("lobby")));
        observe(Set.of());
        Client c = harness.open("/fast", null);
        assertNotNull(c.sid(), "accepted without the executor");
        assertTrue(executor.tasks.isEmpty());
        assertEquals(List.of(), fired);
    }

    @Test
    void anObservedNamespaceConnectsOnTheExecutorWhereObserversMayBlock() {
        harness.io.of("/fast").onConnection(Namespace.nonBlocking(s -> s.join("lobby")));
        observe(Set.of(RoomJoined.class));
        Client c = harness.open("/fast", null);
        assertNull(c.sid(), "waits for the executor");
        assertEquals(List.of(), fired);
        executor.runAll();
        Socket s = socketOf("/fast", c);
        assertEquals(List.of(new RoomJoined(s, "lobby")), fired);
    }

    @Test
    void aRefusedSocketFiresNothingEvenForTheRoomsItsMiddlewareJoined() {
        observe(ALL);
        harness.io.of("/vip").use(s -> {
            s.join("vip");
            throw new ConnectionRefusedException("members only");
        });
        Client c = harness.open("/vip", null);
        executor.runAll();
        assertNull(c.sid());
        assertEquals(List.of(), fired);
    }

    @Test
    void aMiddlewaresJoinComesBeforeTheConnectionAndFiresNoJoinButItsLeaveFires() {
        observe(ALL);
        harness.io.of("/vip").use(s -> s.join("vip"));
        Client c = connect("/vip");
        Socket s = socketOf("/vip", c);
        assertTrue(s.rooms().contains("vip"));
        drop(c);
        assertEquals(List.of(new SocketConnected(s), new RoomLeft(s, "vip"),
                new SocketDisconnected(s, DisconnectReason.TRANSPORT_CLOSE)), fired);
    }

    @Test
    void aFailingObserverBreaksNeitherTheConnectionNorTheJoinNorTheApplicationsListeners() {
        SocketEventBridge.install(harness.io, ALL, event -> {
            fired.add(event);
            throw new IllegalStateException("observer bug");
        });
        List<String> seen = new ArrayList<>();
        harness.io.of("/chat").onConnection(s -> {
            s.join("lobby");
            seen.add("connected");
        });
        Client c = connect("/chat");
        Socket s = socketOf("/chat", c);
        assertEquals(List.of("connected"), seen);
        assertEquals(Set.of(s.id(), "lobby"), s.rooms());
        drop(c);
        assertEquals(List.of(), s.rooms().stream().toList());
        assertEquals(List.of(new SocketConnected(s), new RoomJoined(s, "lobby"), new RoomLeft(s, "lobby"),
                new SocketDisconnected(s, DisconnectReason.TRANSPORT_CLOSE)), fired);
    }
}
