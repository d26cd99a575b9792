package dev.tidewire.internal.admin;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.server.SocketIoOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With {@code cleanupEmptyChildNamespaces}, a child created anew under an old name is told of as the first was. */
class RecreatedNamespaceNoticesTest {
    @Test
    void aChildCreatedAnewIsHookedAgain() {
        SioHarness harness = new SioHarness(SocketIoOptions.defaults().withCleanupEmptyChildNamespaces(true));
        harness.io.of(Pattern.compile("/team-.*"));
        AdminUi ui = AdminUi.start(harness.io, harness.engine(), new ManualScheduler(), AdminUiOptions.defaults(),
                AdminTesting.IDENTITY);
        SioHarness.Client admin = harness.connect("/admin");

        SioHarness.Client first = harness.connect("/team-a");
        harness.io.namespaces().get("/team-a").disconnectSockets(false);
        assertFalse(harness.io.namespaces().containsKey("/team-a"));
        SioHarness.Client second = harness.connect("/team-a");

        List<Object> told = admin.arguments("socket_connected").stream()
                .map(args -> ((Map<?, ?>) args.get(0)))
                .filter(s -> "/team-a".equals(s.get("nsp")))
                .map(s -> s.get("id")).map(Object.class::cast).toList();
        assertEquals(List.of(first.sid(), second.sid()), told);
        ui.close();
    }
}
