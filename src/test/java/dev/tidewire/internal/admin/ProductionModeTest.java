package dev.tidewire.internal.admin;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.server.EventHandler;
import dev.tidewire.server.Namespace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Production mode: the UI gets its config and the statistics, and no socket of the server carries a listener. */
class ProductionModeTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final SioHarness harness = new SioHarness(clock);
    private final Namespace chat = harness.io.of("/chat");

    @Test
    void onlyTheConfigAndTheStatisticsAreSent() {
        chat.onConnection(socket -> socket.join("blue"));
        AdminUi.start(harness.io, harness.engine(), clock, AdminUiOptions.defaults().withMode(AdminMode.PRODUCTION),
                AdminTesting.IDENTITY);
        SioHarness.Client admin = harness.connect("/admin");
        SioHarness.Client client = harness.connect("/chat");
        client.emit("hello");
        client.drop();
        clock.advance(StatsReporter.INTERVAL_MILLIS);
        assertEquals(List.of("config", "server_stats"), admin.eventNames());
    }

    @Test
    void aConnectionAndANonBlockingEventStillRunInlineOnTheReadingThread() {
        List<String> pongs = new ArrayList<>();
        List<Runnable> handlerTasks = new ArrayList<>();
        SioHarness queued = chatWithInlineHandlers(handlerTasks, pongs);
        AdminUi.start(queued.io, queued.engine(), clock, AdminUiOptions.defaults().withMode(AdminMode.PRODUCTION),
                AdminTesting.IDENTITY);
        SioHarness.Client client = queued.open("/news", null);
        assertNotNull(client.sid(), "accepted inline: no admin listener on the connection path");
        client.emit("ping");
        assertEquals(List.of("pong"), pongs, "handled inline: no catch-all listener on the socket");
        assertEquals(List.of(), handlerTasks);
    }

    @Test
    void developmentModeIsWhatMovesThemToTheHandlerExecutor() { // the test above can fail
        List<String> pongs = new ArrayList<>();
        List<Runnable> handlerTasks = new ArrayList<>();
        SioHarness queued = chatWithInlineHandlers(handlerTasks, pongs);
        AdminUi.start(queued.io, queued.engine(), clock, AdminUiOptions.defaults(), AdminTesting.IDENTITY);
        SioHarness.Client client = queued.open("/news", null);
        assertNull(client.sid());
        assertEquals(1, handlerTasks.size());
    }

    /** A server whose handlers are queued, not run, with a namespace whose listener and handler are non-blocking. */
    private static SioHarness chatWithInlineHandlers(List<Runnable> handlerTasks, List<String> pongs) {
        SioHarness queued = new SioHarness(handlerTasks::add, SioHarness.BINDER);
        queued.io.of("/news").onConnection(Namespace.nonBlocking(
                socket -> socket.on("ping", EventHandler.nonBlocking((args, ack) -> pongs.add("pong")))));
        return queued;
    }

    @Test
    void theConfigListsTheCommandsAndAggregatedEventsButNotAllEvents() {
        AdminUi.start(harness.io, harness.engine(), clock, AdminUiOptions.defaults().withMode(AdminMode.PRODUCTION),
                AdminTesting.IDENTITY);
        SioHarness.Client admin = harness.connect("/admin");
        assertEquals(Map.of("supportedFeatures", List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE",
                "MDISCONNECT", "AGGREGATED_EVENTS")), admin.last("config"));
    }
}
