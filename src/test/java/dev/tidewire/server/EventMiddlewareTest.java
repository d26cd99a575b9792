package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventMiddlewareTest {
    @Test
    void aRefusedEventIsDroppedAndReportedAsAnError() {
        SioTestServer t = new SioTestServer();
        List<String> handled = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        t.io.onConnection(s -> {
            s.use((event, args) -> {
                if (event.equals("forbidden")) throw new IllegalStateException("not allowed");
            });
            s.onError(e -> errors.add(e.getMessage()));
            s.on("forbidden", (args, ack) -> handled.add("forbidden"));
            s.on("ok", (args, ack) -> handled.add("ok " + args));
        });
        SioTestServer.Peer c = t.connect();
        c.send("40");
        c.send("42[\"forbidden\",1]");
        c.send("42[\"ok\",2]");
        assertEquals(List.of("ok [2]"), handled);
        assertEquals(List.of("not allowed"), errors);
        assertFalse(c.isClosed());
    }
}
