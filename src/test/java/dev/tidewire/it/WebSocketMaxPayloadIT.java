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
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket frames at and over {@code maxHttpBufferSize} (1 000 000 bytes): a frame of exactly the limit is echoed, one
 * byte more closes the socket with 1009, and a session opened before each test still echoes after it. On the
 * reference's heartbeat rather than the fixture's 300 ms one: sending a megabyte on a loaded machine can take longer
 * than a 200 ms pong deadline, and these tests are about sizes, not heartbeats.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSocketMaxPayloadIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Deployments.REFERENCE_HEARTBEAT);
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

    private WsClient open() {
        WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
        assertTrue(ws.nextText().startsWith("0{"));
        return ws;
    }

    @Test
    void frameOfExactlyMaxPayloadIsEchoed() {
        try (WsClient ws = open()) {
            ws.assertEchoes("a".repeat(999_999)); // 1000000 bytes with the type digit
            byte[] big = new byte[1_000_000];
            Arrays.fill(big, (byte) 7);
            ws.assertEchoesBinary(big);
        }
    }

    @Test
    void multibyteTextOfExactlyMaxPayloadIsEchoed() {
        try (WsClient ws = open()) {
            ws.assertEchoes("€".repeat(333_333)); // 1 + 999999 bytes
        }
    }

    @Test
    void textFrameOverMaxPayloadClosesWith1009() {
        // 1000001 bytes; the JDK client sends long texts as a fragmented message, so the limit must apply to
        // the whole message, not to each frame (ws's maxPayload does the same)
        try (WsClient ws = open()) {
            ws.send("4" + "a".repeat(1_000_000));
            assertEquals(1009, ws.awaitClosed().code());
        }
    }

    @Test
    void multibyteTextOverMaxPayloadInBytesClosesWith1009() {
        try (WsClient ws = open()) {
            ws.send("4" + "€".repeat(333_334)); // 333335 characters, 1000003 bytes
            assertEquals(1009, ws.awaitClosed().code());
        }
    }

    @Test
    void binaryFrameOverMaxPayloadClosesWith1009() {
        try (WsClient ws = open()) {
            ws.sendBinary(new byte[1_000_001]);
            assertEquals(1009, ws.awaitClosed().code());
        }
    }
}
