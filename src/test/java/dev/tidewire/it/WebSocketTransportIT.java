package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;

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

    /**
     * After answering a client's close frame the server ends the connection itself, without waiting for the client
     * to end its side: the client sends nothing after its close frame (RFC 6455, 5.5.1), so there is nothing left to
     * read. (When the server closes first, it waits up to 2 s for the client's remaining bytes; this read would time
     * out before that.)
     */
    @Test
    void afterAnsweringTheClientsCloseFrameTheServerEndsTheConnection() throws Exception {
        URI uri = eio.http("EIO=4&transport=websocket");
        try (Socket socket = openRaw(uri)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            sendClose(socket);
            byte[] frames = readUntilClosed(socket, in);
            int at = frames.length - 4; // the close frame answering ours comes last: 88 02 03 e8
            assertTrue(at >= 0 && frames[at] == (byte) 0x88 && frames[at + 1] == 2 && frames[at + 2] == 3
                    && frames[at + 3] == (byte) 0xe8, Arrays.toString(frames));
        }
    }

    /**
     * As Node's {@code ws} does: once it has the answer to its close frame it ends its side of the connection at once,
     * and then waits up to 30 s for the server's end. The server must end the connection every time. On Payara it
     * sometimes did not while we closed it inside the container's read callback (left in CLOSE_WAIT: the Node suites
     * waited 30 s at their end, one run in three); hence many connections.
     */
    @Test
    void everyCloseHandshakeEndsTheConnectionWhenTheClientEndsItsSideAtOnce() throws Exception {
        URI uri = eio.http("EIO=4&transport=websocket");
        for (int i = 0; i < 300; i++) {
            try (Socket socket = openRaw(uri)) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                sendClose(socket);
                assertEquals(0x88, in.readUnsignedByte(), "connection " + i + ": the close frame answering ours");
                in.skipNBytes(in.readUnsignedByte());
                socket.shutdownOutput();
                readUntilClosed(socket, in);
            }
        }
    }

    /** An upgraded connection whose open packet has been read. */
    private static Socket openRaw(URI uri) throws Exception {
        Socket socket = RawHttp.connect(uri);
        RawHttp.send(socket, RawHttp.head("GET", uri, "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String head = RawHttp.readHead(in);
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        assertEquals(0x81, in.readUnsignedByte(), "a text frame: the open packet");
        in.skipNBytes(in.readUnsignedByte()); // under 126 bytes
        return socket;
    }

    /** A masked close frame, code 1000 (a zero masking key leaves the payload as it is). */
    private static void sendClose(Socket socket) throws Exception {
        socket.getOutputStream().write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
        socket.getOutputStream().flush();
    }

    /** What is left to read until the server ends the connection, which must be within 1.5 s. */
    private static byte[] readUntilClosed(Socket socket, DataInputStream in) throws Exception {
        socket.setSoTimeout(1500);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0; ) rest.write(b);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open after the close handshake; received "
                    + Arrays.toString(rest.toByteArray()), e);
        }
        return rest.toByteArray();
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
