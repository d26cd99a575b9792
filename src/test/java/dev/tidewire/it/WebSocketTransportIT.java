package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSocket-first sessions with raw frames: echo, heartbeat direction, closing (frame sizes: WebSocketMaxPayloadIT). */
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
