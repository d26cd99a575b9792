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

    /** A polling session with a poll pending and a probed WebSocket (2probe answered 3probe, poll answered 6). */
    private record Probed(String sid, WsClient ws) {
    }

    private Probed probe(Eio eio) throws Exception {
        String sid = eio.handshake().getString("sid");
        CompletableFuture<HttpResponse<String>> pending = eio.getAsync(Eio.sidQuery(sid));
        WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + sid));
        ws.send("2probe");
        assertEquals("3probe", ws.nextText());
        HttpResponse<String> poll = pending.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, poll.statusCode(), poll.body());
        if (poll.body().equals("2")) { // a heartbeat ping answered the poll before the probe: pong, poll again
            assertEquals("ok", eio.post(Eio.sidQuery(sid), "3").body());
            poll = eio.get(Eio.sidQuery(sid));
            assertEquals(200, poll.statusCode(), poll.body());
        }
        assertEquals("6", poll.body());
        return new Probed(sid, ws);
    }

    @Test
    void fullUpgradeSequence() throws Exception {
        Eio eio = new Eio(base);
        Probed p = probe(eio);
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
        Probed p = probe(eio);
        try (WsClient ws = p.ws()) {
            // posted while probing: the echo cannot go out by polling (polls get noop), so it waits for the socket
            assertEquals("ok", eio.post(Eio.sidQuery(p.sid()), "4queued during the probe").body());
            HttpResponse<String> poll = eio.get(Eio.sidQuery(p.sid()));
            assertEquals("6", poll.body());
            ws.send("5");
            assertEquals("4queued during the probe", ws.nextText());
        }
    }

    @Test
    void secondUpgradeAfterTheUpgradeIsClosedAtOnce() throws Exception {
        Eio eio = new Eio(base);
        Probed p = probe(eio);
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
        Probed p = probe(eio);
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
