package dev.tidewire.internal.admin;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code server_stats}: sent every two seconds on the engine's clock, with what the counters say happened between. */
class ServerStatsTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final SioHarness harness = new SioHarness(clock);
    private final AdminUi ui;
    private final SioHarness.Client admin;

    ServerStatsTest() {
        harness.io.of("/chat");
        clock.advance(1234); // so that the reports do not fall on whole seconds
        ui = AdminUi.start(harness.io, harness.engine(), clock,
                AdminUiOptions.defaults().withMode(AdminMode.PRODUCTION), AdminTesting.IDENTITY);
        admin = harness.connect("/admin");
    }

    @Test
    void sentEveryTwoSeconds() {
        clock.advance(StatsReporter.INTERVAL_MILLIS - 1);
        assertEquals(0, admin.received("server_stats").size());
        clock.advance(1);
        assertEquals(1, admin.received("server_stats").size());
        clock.advance(StatsReporter.INTERVAL_MILLIS);
        assertEquals(2, admin.received("server_stats").size());
    }

    @Test
    void tellsWhoTheServerIsAndWhatIsConnected() {
        harness.connect("/chat");
        harness.connect("/chat");
        harness.connect("/chat").drop();
        harness.openPolling();
        clock.advance(StatsReporter.INTERVAL_MILLIS);
        Map<?, ?> stats = (Map<?, ?>) admin.last("server_stats");
        assertEquals("server-1", stats.get("serverId"));
        assertEquals("host-a", stats.get("hostname"));
        assertEquals(4242L, stats.get("pid"));
        assertEquals(12.5, ((Number) stats.get("uptime")).doubleValue(), "seconds");
        assertEquals(4L, stats.get("clientsCount"), "the admin, two chat clients and the polling one");
        assertEquals(1L, stats.get("pollingClientsCount"));
        assertEquals(List.of(Map.of("name", "/", "socketsCount", 0L), Map.of("name", "/admin", "socketsCount", 1L),
                Map.of("name", "/chat", "socketsCount", 2L)), stats.get("namespaces"));
    }

    @Test
    void aggregatedEventsAreTheCountsSinceThePreviousReportStampedWithItsSecond() {
        harness.connect("/chat");
        harness.connect("/chat");
        harness.connect("/chat").drop();
        harness.openPolling();
        clock.advance(StatsReporter.INTERVAL_MILLIS); // now 3234
        List<?> events = (List<?>) ((Map<?, ?>) admin.last("server_stats")).get("aggregatedEvents");
        assertEquals(Map.of("timestamp", 3000L, "type", "rawConnection", "count", 5L), find(events, "rawConnection"),
                "the admin, three chat clients and the polling one");
        assertEquals(Map.of("timestamp", 3000L, "type", "rawDisconnection", "subType", "transport close", "count", 1L),
                find(events, "rawDisconnection"));
        assertEquals(4L, find(events, "packetsIn").get("count"), "one CONNECT from each WebSocket client");
        assertEquals((long) "40/admin,".length() + 3 * "40/chat,".length(), find(events, "bytesIn").get("count"));
        assertTrue((Long) find(events, "packetsOut").get("count") >= 9, "open packets, CONNECT replies, config");
        assertTrue((Long) find(events, "bytesOut").get("count") > 0);
        assertNull(find(events, "packetsIn").get("subType"), "no subType key at all");

        clock.advance(StatsReporter.INTERVAL_MILLIS);
        List<?> next = (List<?>) ((Map<?, ?>) admin.last("server_stats")).get("aggregatedEvents");
        assertNull(find(next, "rawConnection"), "nothing new: no entry");
        assertNull(find(next, "packetsIn"));
        assertEquals(Map.of("timestamp", 5000L, "type", "packetsOut", "count", 1L), find(next, "packetsOut"),
                "the previous report, to the admin socket");
    }

    @Test
    void stopsWhenClosed() {
        ui.close();
        clock.advance(10 * StatsReporter.INTERVAL_MILLIS);
        assertEquals(List.of(), admin.received("server_stats"));
    }

    private static Map<?, ?> find(List<?> events, String type) {
        for (Object e : events) if (type.equals(((Map<?, ?>) e).get("type"))) return (Map<?, ?>) e;
        return null;
    }
}
