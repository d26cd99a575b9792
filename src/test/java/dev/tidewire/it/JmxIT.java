package dev.tidewire.it;

import com.sun.tools.attach.VirtualMachine;
import dev.tidewire.monitor.SocketIoServerMXBean;
import io.socket.client.Ack;
import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's MXBean read through the real JMX stack: the JDK Attach API starts the server JVM's local management
 * agent, and a JMX connector reads the figures while clients are connected and after one leaves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmxIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    private JavaClients clients;

    @BeforeEach
    void clients() {
        clients = new JavaClients(base);
    }

    @AfterEach
    void closeAll() {
        clients.closeAll();
    }

    @Test
    void theServerMXBeanShowsClientsSocketsAndRoomsWhileConnectedAndAfterALeave() throws Exception {
        Eio eio = new Eio(base);
        String pid = Eio.send(HttpRequest.newBuilder(eio.at("fixture/pid")).timeout(Eio.WAIT).GET().build()).body();
        VirtualMachine vm = VirtualMachine.attach(pid);
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName("dev.tidewire:type=SocketIoServer,context=\"/\",path=\"/socket.io/\"");
            SocketIoServerMXBean server = JMX.newMXBeanProxy(mbeans, name, SocketIoServerMXBean.class);
            assertEquals("/socket.io/", server.getPath());

            Socket witness = connect();
            Socket leaver = connect();
            join(leaver, "jmx-room");
            assertEquals(2, server.getClients());
            assertEquals(2, server.getWebSocketClients());
            assertEquals(0, server.getPollingClients());
            assertEquals(2, server.getSocketsPerNamespace().get("/interop"));
            // each socket's own room, plus the joined one
            assertEquals(3, server.getRoomsPerNamespace().get("/interop"));

            CompletableFuture<Object[]> left = new CompletableFuture<>();
            witness.on("peer-left", left::complete);
            String leaverId = leaver.id();
            leaver.emit("disconnect-me"); // the server disconnects it from the namespace
            assertEquals(leaverId, left.get(10, TimeUnit.SECONDS)[0]);
            // the socket has left its namespace and rooms before its disconnect listeners (peer-left) run
            assertEquals(1, server.getSocketsPerNamespace().get("/interop"));
            assertEquals(1, server.getRoomsPerNamespace().get("/interop"));
        } finally {
            vm.detach();
        }
    }

    /** A socket of {@code /interop}, which greets every connected socket with {@code auth}. */
    private Socket connect() throws Exception {
        return clients.connected("/interop", "auth");
    }

    private static void join(Socket s, String room) throws Exception {
        CompletableFuture<Object[]> joined = new CompletableFuture<>();
        s.emit("join", new Object[] {room}, (Ack) joined::complete);
        assertTrue(joined.get(10, TimeUnit.SECONDS)[0].toString().contains(room));
    }
}
