package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests refused before or instead of a session: error codes 0, 1, 2, 3 and 5 over polling (JSON body) and over
 * a WebSocket upgrade (text/html message, no 101). After each, a session opened before the bad request still echoes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeErrorsIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    private Eio eio;
    private WsClient witness;

    @BeforeEach
    void openWitness() {
        eio = new Eio(base);
        witness = WsClient.openSession(eio);
    }

    @AfterEach
    void witnessStillEchoes() {
        try (WsClient w = witness) {
            w.assertEchoes("witness still served");
        }
    }

    @Test
    void unknownTransportIsCode0() {
        Eio.assertError(eio.get("EIO=4&transport=carrier-pigeon"), 0, "Transport unknown");
        Eio.assertError(eio.get("EIO=4"), 0, "Transport unknown");
        Eio.assertError(eio.get("EIO=4&transport=webtransport"), 0, "Transport unknown");
        Eio.assertError(eio.post("EIO=4&transport=carrier-pigeon", "4x"), 0, "Transport unknown");
    }

    @Test
    void unknownSidOverPollingIsCode1() {
        Eio.assertError(eio.get(Eio.sidQuery("AAAAAAAAAAAAAAAAAAAA")), 1, "Session ID unknown");
        Eio.assertError(eio.post(Eio.sidQuery("AAAAAAAAAAAAAAAAAAAA"), "4x"), 1, "Session ID unknown");
    }

    @Test
    void unknownSidOverWebSocketUpgradeIs400TextHtml() {
        WebSocketHandshakeException refused = WsClient.refused(
                eio.ws("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA"));
        assertRefusal(refused, "Session ID unknown");
    }

    @Test
    void postHandshakeIsCode2() {
        Eio.assertError(eio.post("EIO=4&transport=polling", "4x"), 2, "Bad handshake method");
        HttpResponse<String> put = Eio.send(eio.request("EIO=4&transport=polling")
                .PUT(HttpRequest.BodyPublishers.ofString("4x")).build());
        Eio.assertError(put, 2, "Bad handshake method");
    }

    @Test
    void webSocketTransportWithoutUpgradeIsCode3() {
        Eio.assertError(eio.get("EIO=4&transport=websocket"), 3, "Bad request");
    }

    @Test
    void pollingTransportWithAnUpgradeHeaderIsRefused() {
        assertRefusal(WsClient.refused(eio.ws("EIO=4&transport=polling")), "Bad request");
    }

    @Test
    void otherProtocolVersionsAreCode5() {
        Eio.assertError(eio.get("EIO=3&transport=polling"), 5, "Unsupported protocol version");
        Eio.assertError(eio.get("transport=polling"), 5, "Unsupported protocol version");
        Eio.assertError(eio.get("EIO=abc&transport=polling"), 5, "Unsupported protocol version");
    }

    @Test
    void otherProtocolVersionsAreRefusedOverWebSocket() {
        // node answers 101 and then breaks the socket (PROTOCOL.md section 1); refusing before the 101 is stricter
        assertRefusal(WsClient.refused(eio.ws("EIO=3&transport=websocket")), "Unsupported protocol version");
    }

    @Test
    void theWebSocketEndpointsOwnPathIsNoWayAroundTheChecks() {
        // on Payara the engine's endpoint is registered at <path>.websocket and admits only upgrades the engine has
        // checked (403 otherwise); on WildFly that path is an ordinary request to the engine, checked as any other
        URI direct = URI.create(eio.ws("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA").toString()
                .replace("/engine.io/?", "/engine.io/.websocket?"));
        int status = WsClient.refused(direct).getResponse().statusCode();
        assertTrue(status == 400 || status == 403, "an unknown session id refused with " + status);
    }

    private static void assertRefusal(WebSocketHandshakeException refused, String message) {
        HttpResponse<?> r = refused.getResponse();
        assertEquals(400, r.statusCode());
        assertEquals("text/html", Eio.contentType(r));
        assertEquals(message, String.valueOf(r.body()));
    }
}
