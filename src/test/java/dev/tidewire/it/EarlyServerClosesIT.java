package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server-initiated WebSocket closes at the moments a container is most fragile, many times over: inside the upgrade
 * request's own dispatch (a second upgrade, refused when it opens), just after it (a probe answered with another
 * packet), and from another request's dispatch thread (the fixture's close servlet). On Payara each of these once
 * made Grizzly finish the upgrade request twice: the close frame was lost, and later requests on other connections
 * failed inside the container. Every close must reach its client, and the server must keep serving afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EarlyServerClosesIT {
    private static final int ROUNDS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void closesRightAfterOpeningReachTheClientAndTheServerKeepsServing() throws Exception {
        Eio eio = new Eio(base);
        for (int round = 0; round < ROUNDS; round++) {
            String when = "round " + round + ": ";
            ProbedUpgrade p = ProbedUpgrade.start(eio);
            try (WsClient upgraded = p.ws()) {
                upgraded.send("5");
                upgraded.assertEchoes(when + "upgraded");
                try (WsClient second = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + p.sid()))) {
                    assertEquals(1000, second.awaitClosed().code(), when + "second upgrade refused as it opens");
                }
            }
            try (PollingSession s = PollingSession.open(eio);
                 WsClient probe = WsClient.connect(eio.ws("EIO=4&transport=websocket&sid=" + s.sid))) {
                probe.autoPong = false;
                probe.send("4not a probe");
                assertEquals(1000, probe.awaitClosed().code(), when + "probe answered with another packet");
            }
            try (WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"))) {
                String sid = Eio.json(ws.nextText().substring(1)).getString("sid");
                assertEquals(204, eio.closeFromServer(sid).statusCode(), when + "close servlet");
                assertEquals(1000, ws.awaitClosed().code(), when + "closed from another request");
            }
        }
        ProbedUpgrade last = ProbedUpgrade.start(eio);
        try (WsClient ws = last.ws()) {
            ws.send("5");
            ws.assertEchoes("an upgrade after all those closes");
        }
        try (PollingSession s = PollingSession.open(eio)) {
            s.assertEchoes("polling after all those closes");
        }
    }
}
