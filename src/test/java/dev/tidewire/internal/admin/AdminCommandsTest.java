package dev.tidewire.internal.admin;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.server.Namespace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UI's commands reach the sockets they name; malformed ones are dropped and the admin socket stays. */
class AdminCommandsTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final SioHarness harness = new SioHarness(clock);
    private final Namespace chat = harness.io.of("/chat");
    private final SioHarness.Client blue1;
    private final SioHarness.Client blue2;
    private final SioHarness.Client other;

    AdminCommandsTest() {
        chat.onConnection(socket -> {
            if (chat.sockets().size() <= 2) socket.join("blue");
        });
        blue1 = harness.connect("/chat");
        blue2 = harness.connect("/chat");
        other = harness.connect("/chat");
    }

    private SioHarness.Client admin(AdminUiOptions options) {
        AdminUi.start(harness.io, harness.engine(), clock, options, AdminTesting.IDENTITY);
        return harness.connect("/admin");
    }

    private SioHarness.Client admin() {
        return admin(AdminUiOptions.defaults().withMode(AdminMode.PRODUCTION));
    }

    @Test
    void emitReachesTheNamespaceOrTheRoomOrTheSocketOfTheFilter() {
        SioHarness.Client admin = admin();
        admin.emit("emit", "/chat", null, "news", "all", 1);
        admin.emit("emit", "/chat", "", "news", "all again");
        admin.emit("emit", "/chat", "blue", "news", "blue");
        admin.emit("emit", "/chat", other.sid(), "news", "you");
        assertEquals(List.of(List.of("all", 1L), List.of("all again"), List.of("blue")), blue1.arguments("news"));
        assertEquals(List.of(List.of("all", 1L), List.of("all again"), List.of("blue")), blue2.arguments("news"));
        assertEquals(List.of(List.of("all", 1L), List.of("all again"), List.of("you")), other.arguments("news"));
        assertEquals(List.of(), admin.arguments("news"), "another namespace's event");
    }

    @Test
    void joinMakesTheFilteredSocketsOrAllOfThemJoin() {
        SioHarness.Client admin = admin();
        admin.emit("join", "/chat", "green", other.sid());
        admin.emit("join", "/chat", "red", "blue");
        admin.emit("join", "/chat", "everyone");
        assertEquals(Set.of(other.sid(), "green", "everyone"), rooms(other));
        assertEquals(Set.of(blue1.sid(), "blue", "red", "everyone"), rooms(blue1));
    }

    @Test
    void leaveMakesTheFilteredSocketsOrAllOfThemLeave() {
        SioHarness.Client admin = admin();
        admin.emit("leave", "/chat", "blue", blue1.sid());
        assertEquals(Set.of(blue1.sid()), rooms(blue1));
        assertEquals(Set.of(blue2.sid(), "blue"), rooms(blue2));
        admin.emit("leave", "/chat", "blue");
        assertEquals(Set.of(blue2.sid()), rooms(blue2));
    }

    @Test
    void disconnectEndsTheFilteredSocketsAndWithCloseTheirConnections() {
        SioHarness.Client admin = admin();
        admin.emit("_disconnect", "/chat", false, "blue");
        assertTrue(blue1.disconnectedByServer());
        assertTrue(blue2.disconnectedByServer());
        assertFalse(blue1.closed, "only the namespace");
        assertFalse(other.disconnectedByServer());
        admin.emit("_disconnect", "/chat", true, other.sid());
        assertTrue(other.disconnectedByServer());
        assertTrue(other.closed);
        assertFalse(admin.closed);
    }

    @Test
    void aMalformedOrRefusedCommandIsDroppedAndTheAdminSocketStays() {
        SioHarness.Client admin = admin();
        List<Object[]> bad = List.of(
                new Object[]{"emit"},
                new Object[]{"emit", "/chat", null},
                new Object[]{"emit", 5, null, "news"},
                new Object[]{"emit", "/nowhere", null, "news"},
                new Object[]{"emit", "/chat", 7, "news"},
                new Object[]{"emit", "/chat", null, 7},
                new Object[]{"emit", "/chat", null, "disconnect"},
                new Object[]{"join", "/chat"},
                new Object[]{"join", "/chat", List.of("green")},
                new Object[]{"join", "/chat", "~user:bob"},
                new Object[]{"leave", "/chat", Map.of()},
                new Object[]{"_disconnect", "/chat"},
                new Object[]{"_disconnect", "/chat", "yes", "blue"});
        for (Object[] command : bad) {
            Object[] args = new Object[command.length - 1];
            System.arraycopy(command, 1, args, 0, args.length);
            admin.emit((String) command[0], args);
        }
        for (SioHarness.Client c : List.of(blue1, blue2, other)) {
            assertEquals(List.of(), c.eventNames());
            assertFalse(c.disconnectedByServer());
        }
        assertEquals(Set.of(blue1.sid(), "blue"), rooms(blue1));
        assertFalse(admin.closed);
        assertEquals(1, harness.io.of("/admin").sockets().size());
        assertFalse(harness.io.namespaces().containsKey("/nowhere"), "not created, unlike the reference's io.of");
        admin.emit("emit", "/chat", null, "news", "still working");
        assertEquals(List.of("still working"), blue1.received("news"));
    }

    @Test
    void readOnlyOffersNoCommandAndHandlesNone() {
        SioHarness.Client admin = admin(AdminUiOptions.defaults().withReadonly(true));
        assertEquals(Map.of("supportedFeatures", List.of("AGGREGATED_EVENTS", "ALL_EVENTS")), admin.last("config"));
        admin.emit("emit", "/chat", null, "news", "hi");
        admin.emit("_disconnect", "/chat", true);
        assertEquals(List.of(), blue1.received("news"));
        assertFalse(blue1.closed);
    }

    @Test
    void developmentModeOffersEveryFeature() {
        SioHarness.Client admin = admin(AdminUiOptions.defaults());
        assertEquals(Map.of("supportedFeatures", List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE",
                "MDISCONNECT", "AGGREGATED_EVENTS", "ALL_EVENTS")), admin.last("config"));
    }

    private Set<String> rooms(SioHarness.Client client) {
        return chat.sockets().get(client.sid()).rooms();
    }
}
