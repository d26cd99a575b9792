package dev.tidewire.internal.monitor;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.ManualScheduler;
import dev.tidewire.monitor.SocketIoServerMXBean;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.SocketIoServer;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server MXBean on the platform MBean server: named by context and path, gone after close. */
class MonitorRegistrationTest {
    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    private static ServerMonitor monitor(String path) {
        SocketIoOptions options = SocketIoOptions.defaults()
                .withEngine(SocketIoOptions.defaults().engine().toBuilder().path(path).build());
        ManualScheduler clock = new ManualScheduler();
        SocketIoServer io = new SocketIoServer(options, clock, Runnable::run, null, null);
        io.of("/chat");
        return new ServerMonitor(io, new EngineServer(options.engine(), clock, io));
    }

    @Test
    void theNameIsKeyedByContextAndPathAndQuoted() throws Exception {
        assertEquals(new ObjectName("dev.tidewire:type=SocketIoServer,context=\"/\",path=\"/socket.io/\""),
                MonitorRegistration.serverName("", "/socket.io/"));
        assertEquals(new ObjectName("dev.tidewire:type=SocketIoServer,context=\"/shop\",path=\"/rt/\""),
                MonitorRegistration.serverName("/shop", "/rt/"));
    }

    @Test
    void registeredUntilClosedAndTwoPathsDoNotCollide() throws Exception {
        ObjectName first = MonitorRegistration.serverName("/app-a", "/socket.io/");
        ObjectName second = MonitorRegistration.serverName("/app-a", "/other/");
        try (MonitorRegistration a = MonitorRegistration.register("/app-a", monitor("/socket.io/"));
             MonitorRegistration b = MonitorRegistration.register("/app-a", monitor("/other/"))) {
            assertTrue(MBEANS.isRegistered(first));
            assertTrue(MBEANS.isRegistered(second));
            SocketIoServerMXBean proxy = JMX.newMXBeanProxy(MBEANS, first, SocketIoServerMXBean.class);
            assertEquals("/socket.io/", proxy.getPath());
            assertEquals(0, proxy.getClients());
            assertEquals(Map.of("/", 0, "/chat", 0), proxy.getSocketsPerNamespace());
        }
        assertFalse(MBEANS.isRegistered(first));
        assertFalse(MBEANS.isRegistered(second));
    }

    @Test
    void aSecondServerForTheSameNameIsNotRegisteredAndTheFirstStays() throws Exception {
        ObjectName name = MonitorRegistration.serverName("/app-b", "/socket.io/");
        try (MonitorRegistration first = MonitorRegistration.register("/app-b", monitor("/socket.io/"))) {
            MonitorRegistration.register("/app-b", monitor("/socket.io/")).close(); // refused, and closing it is harmless
            assertTrue(MBEANS.isRegistered(name));
        }
        assertFalse(MBEANS.isRegistered(name));
    }
}
