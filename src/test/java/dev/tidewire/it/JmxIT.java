package dev.tidewire.it;

import com.sun.tools.attach.VirtualMachine;
import dev.tidewire.monitor.SocketIoNamespaceMXBean;
import dev.tidewire.monitor.SocketIoServerMXBean;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MXBeans read and driven through the real JMX stack: the JDK Attach API starts the server JVM's local management
 * agent, and a JMX connector reads the server's figures while clients are connected and after one leaves, and runs
 * a namespace's operations, whose effect a real client sees.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JmxIT extends WithJavaClients {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    private static final ObjectName SERVER = name("dev.tidewire:type=SocketIoServer,context=\"/\",path=\"/socket.io/\"");

    /** First: its exact client counts need a server that no earlier test's closing clients still occupy. */
    @Test
    @Order(1)
    void theServerMXBeanShowsClientsSocketsRoomsAndCountersWhileConnectedAndAfterALeave() throws Exception {
        try (Jmx jmx = Jmx.attach(base)) {
            SocketIoServerMXBean server = jmx.proxy(SERVER, SocketIoServerMXBean.class);
            assertEquals("/socket.io/", server.getPath());
            assertEquals("300", server.getOptions().get("tidewire.pingInterval"));
            long handshakes = server.getHandshakes();
            long connections = server.getSocketConnections();
            long packetsIn = server.getPacketsIn();
            long bytesOut = server.getBytesOut();
            long serverDisconnects = disconnectsByServer(server);

            Socket witness = connect();
            Socket leaver = connect();
            join(leaver, "jmx-room");
            assertEquals(2, server.getClients());
            assertEquals(2, server.getWebSocketClients());
            assertEquals(0, server.getPollingClients());
            assertEquals(2, server.getSocketsPerNamespace().get("/interop"));
            // each socket's own room, plus the joined one
            assertEquals(3, server.getRoomsPerNamespace().get("/interop"));
            assertEquals(handshakes + 2, server.getHandshakes());
            assertEquals(connections + 2, server.getSocketConnections());
            // at least the two CONNECTs and the join
            assertTrue(server.getPacketsIn() >= packetsIn + 3, "packets in");
            assertTrue(server.getBytesOut() > bytesOut, "bytes out");
            assertEquals(0, server.getPendingHandlerEvents());

            CompletableFuture<Object[]> left = new CompletableFuture<>();
            witness.on("peer-left", left::complete);
            String leaverId = leaver.id();
            leaver.emit("disconnect-me"); // the server disconnects it from the namespace
            assertEquals(leaverId, left.get(10, TimeUnit.SECONDS)[0]);
            // the socket has left its namespace and rooms before its disconnect listeners (peer-left) run
            assertEquals(1, server.getSocketsPerNamespace().get("/interop"));
            assertEquals(1, server.getRoomsPerNamespace().get("/interop"));
            assertEquals(serverDisconnects + 1, disconnectsByServer(server));
        }
    }

    @Test
    @Order(2)
    void theNamespaceMXBeanListsRoomMembersEmitsAndDisconnects() throws Exception {
        try (Jmx jmx = Jmx.attach(base)) {
            SocketIoNamespaceMXBean interop = jmx.proxy(new ObjectName(
                    "dev.tidewire:type=SocketIoNamespace,context=\"/\",path=\"/socket.io/\",namespace=\"/interop\""),
                    SocketIoNamespaceMXBean.class);
            assertEquals("/interop", interop.getName());
            Socket member = connect();
            Socket other = connect();
            join(member, "jmx-ops");
            assertEquals(List.of(member.id()), interop.roomMembers("jmx-ops"));
            assertTrue(interop.getRoomNames().contains("jmx-ops"), interop.getRoomNames().toString());

            CompletableFuture<Object[]> toRoom = JavaClients.next(member, "jmx");
            CompletableFuture<Object[]> toAll = JavaClients.next(other, "jmx");
            interop.emitToRoom("jmx-ops", "jmx", "[1, \"two\"]");
            Object[] args = toRoom.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(1, "two"), List.of(args));
            interop.emit("jmx", "{\"to\": \"all\"}");
            // the room's emit did not reach the other socket: its first jmx event is the one to everybody
            assertEquals("all", ((JSONObject) toAll.get(10, TimeUnit.SECONDS)[0]).getString("to"));

            CompletableFuture<Object[]> gone = JavaClients.next(member, Socket.EVENT_DISCONNECT);
            assertTrue(interop.disconnectSocket(member.id()));
            assertEquals("io server disconnect", gone.get(10, TimeUnit.SECONDS)[0]);
            assertFalse(interop.disconnectSocket("no-such-socket"));

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> interop.emit("jmx", "{not json"));
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
    }

    private static long disconnectsByServer(SocketIoServerMXBean server) {
        return server.getSocketDisconnections().getOrDefault("server namespace disconnect", 0L);
    }

    /** A socket of {@code /interop}, which greets every connected socket with {@code auth}. */
    private Socket connect() throws Exception {
        return clients.connected("/interop", "auth");
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JMX connection to the server's JVM: its local management agent, started through the Attach API. */
    private record Jmx(VirtualMachine vm, JMXConnector connector) implements AutoCloseable {
        static Jmx attach(URL base) throws Exception {
            Eio eio = new Eio(base);
            String pid = Eio.send(HttpRequest.newBuilder(eio.at("fixture/pid")).timeout(Eio.WAIT).GET().build()).body();
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                return new Jmx(vm, JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent())));
            } catch (Exception | Error e) {
                vm.detach();
                throw e;
            }
        }

        <T> T proxy(ObjectName name, Class<T> type) throws IOException {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            return JMX.newMXBeanProxy(mbeans, name, type);
        }

        @Override
        public void close() throws IOException {
            try {
                connector.close();
            } finally {
                vm.detach();
            }
        }
    }

    private static void join(Socket s, String room) throws Exception {
        CompletableFuture<Object[]> joined = new CompletableFuture<>();
        s.emit("join", new Object[] {room}, (Ack) joined::complete);
        assertTrue(joined.get(10, TimeUnit.SECONDS)[0].toString().contains(room));
    }
}
