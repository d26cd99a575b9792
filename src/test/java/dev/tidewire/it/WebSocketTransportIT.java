package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocket-first sessions with raw frames: echo, frame size limit, heartbeat direction, closing. */
class WebSocketTransportIT extends EchoWitnessed {
    private WsClient open() {
        WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
        assertTrue(ws.nextText().startsWith("0{"));
        return ws;
    }

    private static String sidOf(String openPacket) {
        return Eio.json(openPacket.substring(1)).getString("sid");
    }

    @Test
    void textAndBinaryEcho() {
        try (WsClient ws = open()) {
            ws.assertEchoes("héllo wörld € 🌍");
            ws.assertEchoes("");
            ws.assertEchoesBinary(new byte[] {0, 1, 2, 3, (byte) 0x80, (byte) 0xff});
            ws.assertEchoesBinary(new byte[0]);
        }
    }

    /** Waits for a ping and answers it: a long send that starts now has a whole ping interval before the next one. */
    private static void justPonged(WsClient ws) {
        ws.autoPong = false;
        assertEquals("2", ws.nextText());
        ws.send("3");
        ws.autoPong = true;
    }

    @Test
    void frameOfExactlyMaxPayloadIsEchoed() {
        try (WsClient ws = open()) {
            justPonged(ws);
            ws.assertEchoes("a".repeat(999_999)); // 1000000 bytes with the type digit
            byte[] big = new byte[1_000_000];
            Arrays.fill(big, (byte) 7);
            justPonged(ws);
            ws.assertEchoesBinary(big);
        }
    }

    /**
     * Sends an oversized message and expects the 1009 close. The message is sent right after a pong, so that the
     * heartbeat (a pong is due pingTimeout after each ping) does not end the session while the client is still
     * busy sending; should it still do so (a 1000 close: a slow machine), the attempt is repeated on a new socket.
     */
    private void assertClosedWith1009(java.util.function.Consumer<WsClient> sendOversized) {
        for (int attempt = 1; ; attempt++) {
            try (WsClient ws = open()) {
                justPonged(ws);
                ws.autoPong = false; // the close is what counts now
                sendOversized.accept(ws);
                WsClient.Closed closed = ws.awaitClosed();
                if (closed.code() == 1000 && attempt < 3) {
                    System.out.println("attempt " + attempt + ": the heartbeat closed the socket first; again");
                    continue;
                }
                assertEquals(1009, closed.code(), String.valueOf(closed));
                return;
            }
        }
    }

    @Test
    void textFrameOverMaxPayloadClosesWith1009() {
        // 1000001 bytes; the JDK client sends long texts as a fragmented message, so the limit must apply to
        // the whole message, not to each frame (ws's maxPayload does the same)
        assertClosedWith1009(ws -> ws.send("4" + "a".repeat(1_000_000)));
    }

    @Test
    void multibyteTextOverMaxPayloadInBytesClosesWith1009() {
        assertClosedWith1009(ws -> ws.send("4" + "€".repeat(333_334))); // 333335 characters, 1000003 bytes
    }

    @Test
    void multibyteTextOfExactlyMaxPayloadIsEchoed() {
        try (WsClient ws = open()) {
            justPonged(ws);
            ws.assertEchoes("€".repeat(333_333)); // 1 + 999999 bytes
        }
    }

    @Test
    void binaryFrameOverMaxPayloadClosesWith1009() {
        assertClosedWith1009(ws -> ws.sendBinary(new byte[1_000_001]));
    }

    @Test
    void pollingWithAWebSocketSessionIdIsCode3() {
        WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
        try (ws) {
            String sid = sidOf(ws.nextText());
            Eio.assertError(eio.get(Eio.sidQuery(sid)), 3, "Bad request");
            Eio.assertError(eio.post(Eio.sidQuery(sid), "4x"), 3, "Bad request");
            ws.assertEchoes("the socket is unaffected");
        }
    }

    @Test
    void clientPingIsTheWrongHeartbeatDirectionAndClosesTheSession() {
        try (WsClient ws = open()) {
            ws.send("2");
            WsClient.Closed closed = ws.awaitClosed();
            assertEquals(1000, closed.code(), String.valueOf(closed));
        }
    }

    @Test
    void clientCloseFrameEndsTheSession() throws Exception {
        WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
        String sid = sidOf(ws.nextText());
        ws.close();
        // the container reports the close asynchronously: wait (bounded) until the sid is forgotten
        long deadline = System.nanoTime() + Eio.WAIT.toNanos();
        HttpResponse<String> r;
        do {
            r = eio.get(Eio.sidQuery(sid));
            if (r.body().contains("\"code\":1")) break;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        Eio.assertError(r, 1, "Session ID unknown");
    }

    @Test
    void heartbeatKeepsAnAnsweringSocketOpen() throws Exception {
        try (WsClient ws = open()) {
            ws.autoPong = false;
            // pings arrive every pingInterval once answered; count three of them, answering each
            for (int i = 0; i < 3; i++) {
                assertEquals("2", ws.nextText());
                ws.send("3");
            }
            ws.assertEchoes("alive after three pings");
            assertTrue(!ws.closed.isDone(), () -> String.valueOf(ws.closed.getNow(null)));
        }
    }

    @Test
    void silentSocketIsClosedAfterPingTimeout() {
        try (WsClient ws = open()) {
            ws.autoPong = false;
            assertEquals("2", ws.nextText());
            WsClient.Closed closed = ws.awaitClosed(); // no pong: pingTimeout (200 ms) ends it
            assertEquals(1000, closed.code(), String.valueOf(closed));
        }
    }
}
