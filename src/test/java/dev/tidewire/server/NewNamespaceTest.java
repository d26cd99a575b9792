package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code io.onNewNamespace}: each namespace created after the listener, once, already in the server's map. */
class NewNamespaceTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> created = new ArrayList<>();

    @Test
    void aStaticNamespaceIsAnnouncedOnceWhenFirstAskedFor() {
        t.io.onNewNamespace(n -> created.add(n.name()));
        t.io.of("/chat");
        t.io.of("chat");
        assertEquals(List.of("/chat"), created);
    }

    @Test
    void namespacesCreatedBeforeTheListenerAreNotAnnounced() {
        t.io.of("/early");
        t.io.onNewNamespace(n -> created.add(n.name()));
        t.io.of("/early");
        t.io.sockets();
        assertEquals(List.of(), created);
    }

    @Test
    void aDynamicChildIsAnnouncedBeforeItsFirstConnectionIsAccepted() {
        List<String> order = new ArrayList<>();
        t.io.of(Pattern.compile("/team-\\d+")).onConnection(s -> order.add("connection " + s.namespace().name()));
        t.io.onNewNamespace(n -> order.add("new " + n.name()));
        SioTestServer.Peer a = t.connect();
        a.connectTo("/team-1");
        t.connect().connectTo("/team-1");
        assertEquals(List.of("new /team-1", "connection /team-1", "connection /team-1"), order);
    }

    @Test
    void theListenerFindsTheNamespaceInTheServersMap() {
        List<Namespace> seen = new ArrayList<>();
        t.io.onNewNamespace(n -> seen.add(t.io.namespaces().get(n.name())));
        Namespace chat = t.io.of("/chat");
        assertNotNull(seen.get(0));
        assertSame(chat, seen.get(0));
    }

    @Test
    void aFailingListenerNeitherStopsTheOthersNorTheNamespace() {
        t.io.onNewNamespace(n -> {
            throw new IllegalStateException("listener bug");
        });
        t.io.onNewNamespace(n -> created.add(n.name()));
        Namespace chat = t.io.of("/chat");
        assertEquals(List.of("/chat"), created);
        assertSame(chat, t.io.namespaces().get("/chat"));
    }
}
