package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code io.onNewNamespace}: each namespace created afterwards, once, and already findable; no replay. And
 * {@code io.onEachNamespace}: every namespace, now and later, once.
 */
class NewNamespaceListenerTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> heard = new ArrayList<>();

    @Test
    void staticNamespacesCreatedAfterwardsAreHeardOnceAndExistingOnesNotReplayed() {
        t.io.of("/before");
        t.io.onNewNamespace(nsp -> heard.add(nsp.name()));
        t.io.of("/after");
        t.io.of("after");
        t.io.of("/before");
        t.io.sockets();
        assertEquals(List.of("/after"), heard);
    }

    @Test
    void aDynamicChildIsHeardOnItsFirstConnectWhenNamespacesAlreadyHoldsIt() {
        t.io.of(Pattern.compile("/team-.*"));
        t.io.onNewNamespace(nsp -> {
            assertSame(nsp, t.io.namespaces().get(nsp.name()));
            heard.add(nsp.name());
        });
        SioTestServer.Peer c = t.connect();
        c.connectTo("/team-a");
        t.connect().connectTo("/team-a");
        assertEquals(List.of("/team-a"), heard);
    }

    @Test
    void aFailingListenerStopsNeitherTheOthersNorTheNamespace() {
        t.io.onNewNamespace(nsp -> {
            throw new IllegalStateException("boom");
        });
        t.io.onNewNamespace(nsp -> heard.add(nsp.name()));
        Namespace created = t.io.of("/x");
        assertEquals(List.of("/x"), heard);
        assertSame(created, t.io.namespaces().get("/x"));
    }

    @Test
    void onEachNamespaceMeetsThoseThereAreThenThoseToComeEachOnce() {
        t.io.of("/a");
        t.io.onEachNamespace(nsp -> heard.add(nsp.name()));
        t.io.of("/b");
        t.io.of("/a");
        t.io.of("/b");
        assertEquals(List.of("/", "/a", "/b"), heard.stream().sorted().toList());
    }

    @Test
    void onEachNamespaceMeetsANamespaceCreatedDuringItsWalkOnce() {
        t.io.onEachNamespace(nsp -> {
            heard.add(nsp.name());
            if (nsp.name().equals("/")) t.io.of("/made-during-the-walk"); // heard of by the listener, maybe the walk
        });
        assertEquals(List.of("/", "/made-during-the-walk"), heard.stream().sorted().toList());
    }
}
