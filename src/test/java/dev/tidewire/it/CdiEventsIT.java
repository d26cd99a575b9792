package dev.tidewire.it;

import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CDI events reach an application's observers ({@link CdiEventsObserver}, sync and async) on each server: a
 * socket's connection, its joins and leaves, and its disconnect with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CdiEventsIT extends WithJavaClients {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar().addClass(CdiEventsObserver.class);
    }

    @Test
    void observersHearConnectJoinLeaveAndDisconnect() throws Exception {
        BlockingQueue<List<Object>> witnessHeard = new LinkedBlockingQueue<>();
        BlockingQueue<List<Object>> subjectHeard = new LinkedBlockingQueue<>();
        Socket witness = observed(witnessHeard);
        Socket subject = observed(subjectHeard);
        assertEquals(List.of("connected", "/interop"), next(witnessHeard));
        assertEquals(List.of("connected", "/interop"), next(subjectHeard));

        JavaClients.emitWithAck(subject, "join", "cdi-room");
        assertEquals(List.of("joined-async", "cdi-room"), next(subjectHeard));
        JavaClients.emitWithAck(subject, "leave", "cdi-room");
        assertEquals(List.of("left", "cdi-room"), next(subjectHeard));

        String subjectId = subject.id();
        subject.emit("disconnect-me");
        assertEquals(List.of("disconnected", subjectId, "server namespace disconnect"), next(witnessHeard));
    }

    private Socket observed(BlockingQueue<List<Object>> heard) throws Exception {
        Socket s = clients.socket("/interop", JavaClients.WEBSOCKET, Map.of());
        s.on("cdi", args -> heard.add(List.of(args)));
        JavaClients.connectAndReceive(s, "auth");
        return s;
    }

    private static List<Object> next(BlockingQueue<List<Object>> heard) throws InterruptedException {
        List<Object> event = heard.poll(10, TimeUnit.SECONDS);
        return event == null ? List.of("nothing within 10 s") : event;
    }
}
