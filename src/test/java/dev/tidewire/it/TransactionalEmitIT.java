package dev.tidewire.it;

import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code afterCommit()} inside a real JTA transaction (a CDI {@code @Transactional} bean of the fixture): the held
 * emit ({@code order}) reaches the room only after the transaction commits, never when it rolls back, and at once
 * without a transaction. Within the transaction the fixture also emits {@code marker} directly, and after the method
 * returns, {@code done}: a client receives one client's packets in order, so the position of {@code order} among
 * them shows when it was sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransactionalEmitIT extends WithJavaClients {
    private static final int STATUS_ACTIVE = 0;
    private static final int STATUS_NO_TRANSACTION = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void joinTheOrdersRoom() throws Exception {
        Socket s = clients.connected("/interop", "auth");
        for (String event : List.of("order", "marker", "done")) s.on(event, args -> received.add(event + ":" + args[0]));
        assertTrue(JavaClients.emitWithAck(s, "join", "orders")[0].toString().contains("orders"));
    }

    @Test
    void anEmitHeldInATransactionThatCommitsArrivesAfterTheCommit() throws Exception {
        assertEquals(STATUS_ACTIVE, place("c1", "commit"));
        assertEquals(List.of("marker:c1", "order:c1", "done:c1"), receivedUntil("done:c1"));
    }

    @Test
    void anEmitHeldInATransactionThatRollsBackNeverArrives() throws Exception {
        assertEquals(STATUS_ACTIVE, place("r1", "rollback"));
        assertEquals(List.of("marker:r1", "done:r1"), receivedUntil("done:r1"));
    }

    @Test
    void withoutATransactionTheEmitArrivesAtOnce() throws Exception {
        assertEquals(STATUS_NO_TRANSACTION, place("n1", "none"));
        assertEquals(List.of("order:n1", "marker:n1", "done:n1"), receivedUntil("done:n1"));
    }

    /** Runs the fixture's order method; answers the JTA status it saw inside. */
    private int place(String id, String outcome) throws Exception {
        Eio eio = new Eio(base);
        HttpResponse<String> res = Eio.send(HttpRequest.newBuilder(eio.at("fixture/orders?id=" + id + "&outcome=" + outcome))
                .timeout(Eio.WAIT).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, res.statusCode(), res.body());
        return Integer.parseInt(res.body().trim());
    }

    private List<String> receivedUntil(String last) throws InterruptedException {
        List<String> events = new ArrayList<>();
        while (true) {
            String e = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(e, "no " + last + " after " + events);
            events.add(e);
            if (e.equals(last)) return events;
        }
    }
}
