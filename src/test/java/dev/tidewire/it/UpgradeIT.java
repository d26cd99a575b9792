package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Polling → WebSocket upgrade with raw frames: probe, noop for the pending poll, upgrade, and what is refused after. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void fullUpgradeSequence() throws Exception {
        Eio eio = new Eio(base);
        ProbedUpgrade p = ProbedUpgrade.start(eio);
        try (WsClient ws = p.ws()) {
            ws.send("5");
            ws.assertEchoes("over the upgraded socket ✓");
            ws.assertEchoesBinary(new byte[] {0, 1, 2, (byte) 0xff});
            Eio.assertError(eio.get(Eio.sidQuery(p.sid())), 3, "Bad request");
            Eio.assertError(eio.post(Eio.sidQuery(p.sid()), "4late"), 3, "Bad request");
            ws.assertEchoes("the socket survives refused polls");
        }
    }

    @Test
    void messagesQueuedBeforeTheUpgradeArriveOverTheSocket() throws Exception {
        Eio eio = new Eio(base);
        ProbedUpgrade p = ProbedUpgrade.start(eio);
        try (WsClient ws = p.ws()) {
            // posted while probing, with polling paused as the official client pauses it: the echo waits for the socket
            assertEquals("ok", eio.post(Eio.sidQuery(p.sid()), "4queued during the probe").body());
            ws.send("5");
            assertEquals("4queued during the probe", ws.nextText());
        }
    }

    @Test
    void aClientThatNeverSendsTheUpgradeKeepsItsSessionOverPolling() throws Exception {
        Eio eio = new Eio(base);
        ProbedUpgrade p = ProbedUpgrade.start(eio);
        String sid = p.sid();
        int pings = 0;
        try (WsClient ws = p.ws()) {
            // it goes on polling and answering pings; the server gives the upgrade up after upgradeTimeout
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ws.closed.isDone()) {
                assertTrue(System.nanoTime() < deadline, "the probe socket was never closed");
                HttpResponse<String> poll = eio.get(Eio.sidQuery(sid));
                assertEquals(200, poll.statusCode(), poll.body());
                if (poll.body().equals("2")) {
                    pings++;
                    assertEquals("ok", eio.post(Eio.sidQuery(sid), "3").body());
                } else {
                    assertEquals("6", poll.body(), "while probed a poll gets queued packets or a noop");
                }
            }
            assertEquals(1000, ws.awaitClosed().code());
        }
        assertTrue(pings > 0, "heartbeat pings went out over polling meanwhile");
        CompletableFuture<HttpResponse<String>> poll = eio.getAsync(Eio.sidQuery(sid));
        assertEquals("ok", eio.post(Eio.sidQuery(sid), "4the session goes on").body());
        HttpResponse<String> echoed = poll.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        while (echoed.body().equals("2")) { // a ping may come first
            assertEquals("ok", eio.post(Eio.sidQuery(sid), "3").body());
            echoed = eio.get(Eio.sidQuery(sid));
        }
        assertEquals("4the session goes on", echoed.body());
    }

    @Test
    void secondUpgradeAfterTheUpgradeIsClosedAtOnce() throws Exception {
        Eio eio = new Eio(base);
        ProbedUpgrade p = ProbedUpgrade.start(eio);
        try (WsClient ws = p.ws()) {
            ws.send("5");
            ws.assertEchoes("upgraded");
            try (WsClient second = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + p.sid()))) {
                WsClient.Closed closed = second.awaitClosed();
                assertEquals(1000, closed.code(), String.valueOf(closed));
                assertTrue(second.frames.isEmpty(), second.frames::toString);
            }
            ws.assertEchoes("the first socket is untouched");
        }
    }

    @Test
    void secondUpgradeWhileProbingIsClosedAtOnce() throws Exception {
        Eio eio = new Eio(base);
        ProbedUpgrade p = ProbedUpgrade.start(eio);
        try (WsClient ws = p.ws()) {
            try (WsClient second = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + p.sid()))) {
                WsClient.Closed closed = second.awaitClosed();
                assertEquals(1000, closed.code(), String.valueOf(closed));
            }
            ws.send("5");
            ws.assertEchoes("the probing socket completed its upgrade");
        }
    }

    @Test
    void anotherPacketInsteadOfTheProbeAbortsTheUpgradeAndPollingGoesOn() throws Exception {
        Eio eio = new Eio(base);
        try (PollingSession s = PollingSession.open(eio);
             WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + s.sid))) {
            ws.autoPong = false;
            ws.send("4not a probe");
            WsClient.Closed closed = ws.awaitClosed();
            assertEquals(1000, closed.code(), String.valueOf(closed));
            s.assertEchoes("polling still works");
        }
    }
}
