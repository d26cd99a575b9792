package dev.tidewire.internal.jakarta;

import dev.tidewire.server.HeldExecutor;
import dev.tidewire.demo.SioHarness;
import dev.tidewire.demo.SioHarness.Client;
import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Socket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an annotated bean is wired: which handlers skip the executor, and that a bean breaking a rule is refused. */
class AnnotatedNamespaceTest {
    private final HeldExecutor executor = new HeldExecutor();
    private final SioHarness harness = new SioHarness(executor, SioHarness.BINDER);

    @SocketIoNamespace("/fast")
    static class Fast {
        final List<String> seen = new ArrayList<>();

        @OnConnect(nonBlocking = true)
        void connected(Socket socket) {
            seen.add("connected");
        }

        @OnEvent(value = "fast", nonBlocking = true)
        void fast(String value) {
            seen.add("fast " + value);
        }

        @OnEvent("slow")
        void slow(String value) {
            seen.add("slow " + value);
        }
    }

    @Test
    void nonBlockingMethodsRunOnTheReadingThreadAndTheOthersOnTheExecutor() {
        Fast bean = new Fast();
        AnnotatedWiring.register(harness.io, bean, SioHarness.BINDER);
        Client c = harness.open("/fast", null);
        assertNotNull(c.sid(), "CONNECT accepted without the executor");
        assertEquals(List.of("connected"), bean.seen);
        assertTrue(executor.tasks.isEmpty());

        c.emit("fast", 1);
        assertEquals(List.of("connected", "fast 1"), bean.seen, "ran inline");
        c.emit("slow", 2);
        assertEquals(List.of("connected", "fast 1"), bean.seen, "waits for the executor");
        executor.runAll();
        assertEquals(List.of("connected", "fast 1", "slow 2"), bean.seen);
    }

    @SocketIoNamespace("/hop")
    static class BlockingConnect {
        final List<String> seen = new ArrayList<>();

        @OnConnect
        void connected(Socket socket) {
            seen.add("connected");
        }
    }

    @SocketIoNamespace("/quiet")
    static class NoConnectMethod {
        @OnEvent(value = "fast", nonBlocking = true)
        void fast() {
        }
    }

    @Test
    void aConnectMethodNotDeclaredNonBlockingOrNoneAtAllKeepsTheHopToTheExecutor() {
        BlockingConnect bean = new BlockingConnect();
        AnnotatedWiring.register(harness.io, bean, SioHarness.BINDER);
        AnnotatedWiring.register(harness.io, new NoConnectMethod(), SioHarness.BINDER);
        Client blocking = harness.open("/hop", null);
        Client none = harness.open("/quiet", null);
        assertNull(blocking.sid());
        assertNull(none.sid());
        assertEquals(List.of(), bean.seen);
        executor.runAll();
        assertEquals(List.of("connected"), bean.seen);
        assertNotNull(blocking.sid());
        assertNotNull(none.sid());
    }

    @SocketIoNamespace("/bad")
    static class PrivateHandler {
        @OnEvent("secret")
        private void secret(Socket socket) {
        }
    }

    @Test
    void aBeanThatBreaksARuleIsRefusedRatherThanWiredWithoutTheMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnnotatedWiring.register(harness.io, new PrivateHandler(), SioHarness.BINDER));
        assertTrue(e.getMessage().contains(PrivateHandler.class.getName() + ".secret(Socket): is private"),
                e.getMessage());
    }
}
