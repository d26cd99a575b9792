package dev.tidewire.internal.monitor;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.monitor.SocketIoNamespaceMXBean;
import dev.tidewire.monitor.SocketIoServerMXBean;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.SocketIoServer;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server MXBean and its namespaces' MXBeans: named by context, path (and namespace), registered for namespaces
 * that exist and those created later, all gone after close.
 */
class MonitorRegistrationTest {
    private static final MBeanServer PLATFORM = ManagementFactory.getPlatformMBeanServer();
    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();

    private static SocketIoServer server(String path) {
        SocketIoOptions options = SocketIoOptions.defaults()
                .withEngine(SocketIoOptions.defaults().engine().toBuilder().path(path).build());
        SocketIoServer io = new SocketIoServer(options, new ManualScheduler(), Runnable::run, null, null);
        io.of("/chat");
        return io;
    }

    private static MonitorRegistration register(String contextPath, String path) {
        SocketIoServer io = server(path);
        return MonitorRegistration.register(contextPath, io, new EngineServer(io.options().engine(), new ManualScheduler(), io));
    }

    @Test
    void theNamesAreKeyedByContextPathAndNamespaceAndQuoted() throws Exception {
        assertEquals(new ObjectName("dev.tidewire:type=SocketIoServer,context=\"/\",path=\"/socket.io/\""),
                MonitorRegistration.serverName("", "/socket.io/"));
        assertEquals(new ObjectName("dev.tidewire:type=SocketIoServer,context=\"/shop\",path=\"/rt/\""),
                MonitorRegistration.serverName("/shop", "/rt/"));
        assertEquals(new ObjectName("dev.tidewire:type=SocketIoNamespace,context=\"/shop\",path=\"/rt/\","
                        + "namespace=\"/a\\\"b\""),
                MonitorRegistration.namespaceName("/shop", "/rt/", "/a\"b"));
    }

    @Test
    void registeredOnThePlatformUntilClosedAndTwoPathsDoNotCollide() throws Exception {
        ObjectName first = MonitorRegistration.serverName("/app-a", "/socket.io/");
        ObjectName second = MonitorRegistration.serverName("/app-a", "/other/");
        try (MonitorRegistration a = register("/app-a", "/socket.io/");
             MonitorRegistration b = register("/app-a", "/other/")) {
            assertTrue(PLATFORM.isRegistered(first));
            assertTrue(PLATFORM.isRegistered(second));
            SocketIoServerMXBean proxy = JMX.newMXBeanProxy(PLATFORM, first, SocketIoServerMXBean.class);
            assertEquals("/socket.io/", proxy.getPath());
            assertEquals(0, proxy.getClients());
            assertEquals(Map.of("/", 0, "/chat", 0), proxy.getSocketsPerNamespace());
            assertTrue(PLATFORM.isRegistered(MonitorRegistration.namespaceName("/app-a", "/other/", "/chat")));
        }
        assertFalse(PLATFORM.isRegistered(first));
        assertFalse(PLATFORM.isRegistered(second));
        assertFalse(PLATFORM.isRegistered(MonitorRegistration.namespaceName("/app-a", "/other/", "/chat")));
    }

    @Test
    void aSecondServerForTheSameNameIsNotRegisteredAndTheFirstStays() throws Exception {
        ObjectName name = MonitorRegistration.serverName("/app-b", "/socket.io/");
        try (MonitorRegistration first = register("/app-b", "/socket.io/")) {
            register("/app-b", "/socket.io/").close(); // refused, and closing it is harmless
            assertTrue(PLATFORM.isRegistered(name));
            assertTrue(PLATFORM.isRegistered(MonitorRegistration.namespaceName("/app-b", "/socket.io/", "/chat")));
        }
        assertFalse(PLATFORM.isRegistered(name));
    }

    @Test
    void namespacesCreatedLaterAreRegisteredOnceAndAllAreGoneAtClose() throws Exception {
        SioHarness harness = new SioHarness();
        harness.io.of(Pattern.compile("/team-.*"));
        MonitorRegistration registration = MonitorRegistration.register(mbeans, "/app", harness.io, harness.engine());
        assertEquals(Set.of("/"), registeredNamespaces());

        harness.connect("/team-a");
        harness.connect("/team-a");
        harness.io.of("/static-later");
        assertEquals(Set.of("/", "/team-a", "/static-later"), registeredNamespaces());
        SocketIoNamespaceMXBean teamA = JMX.newMXBeanProxy(mbeans,
                MonitorRegistration.namespaceName("/app", "/socket.io/", "/team-a"), SocketIoNamespaceMXBean.class);
        assertEquals(2, teamA.getSockets());

        registration.close();
        harness.io.of("/after-close");
        assertEquals(Set.of(), registeredNamespaces());
        assertFalse(mbeans.isRegistered(MonitorRegistration.serverName("/app", "/socket.io/")));
    }

    @Test
    void aRemovedChildLosesItsBeanAndOneCreatedAnewIsMonitoredAnew() throws Exception {
        SioHarness harness = new SioHarness(SocketIoOptions.defaults().withCleanupEmptyChildNamespaces(true));
        harness.io.of(Pattern.compile("/team-.*"));
        try (MonitorRegistration registration = MonitorRegistration.register(mbeans, "/app", harness.io,
                harness.engine())) {
            harness.connect("/team-a");
            assertEquals(Set.of("/", "/team-a"), registeredNamespaces());
            harness.io.namespaces().get("/team-a").disconnectSockets(false);
            assertFalse(harness.io.namespaces().containsKey("/team-a"));
            assertEquals(Set.of("/"), registeredNamespaces(), "the removed child's bean is gone");

            harness.connect("/team-a");
            harness.connect("/team-a");
            SocketIoNamespaceMXBean teamA = JMX.newMXBeanProxy(mbeans,
                    MonitorRegistration.namespaceName("/app", "/socket.io/", "/team-a"), SocketIoNamespaceMXBean.class);
            assertEquals(2, teamA.getSockets(), "the bean reads the namespace there is now");
            assertEquals(Set.of("/", "/team-a"), registeredNamespaces());
        }
        assertEquals(Set.of(), registeredNamespaces());
    }

    private Set<String> registeredNamespaces() throws Exception {
        return mbeans.queryNames(new ObjectName("dev.tidewire:type=SocketIoNamespace,*"), null).stream()
                .map(n -> ObjectName.unquote(n.getKeyProperty("namespace")))
                .collect(Collectors.toSet());
    }
}
