package dev.tidewire.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Undertow fast path's tests: requests to the conformance fixture's engines, and how many of them reached the
 * servlets, as the fixture's request listener counts them ({@code /fixture/requests-seen}).
 */
final class ServletsSeen {
    private ServletsSeen() {
    }

    static long upgrades(Eio eio, String path) throws Exception {
        return count(eio, "upgrade", path);
    }

    /** Polling requests and anything else that is not a WebSocket upgrade. */
    static long others(Eio eio, String path) throws Exception {
        return count(eio, "other", path);
    }

    private static long count(Eio eio, String kind, String path) throws Exception {
        HttpResponse<String> r = Eio.HTTP.send(HttpRequest.newBuilder(
                eio.at("fixture/requests-seen?kind=" + kind + "&path=" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body());
    }

    /** A Socket.IO server's WebSocket session at /socket.io/, opened and closed. */
    static void openSocketIoWebSocket(Eio eio) {
        URI socketIo = URI.create(eio.at("socket.io/?EIO=4&transport=websocket").toString().replaceFirst("^http", "ws"));
        try (WsClient ws = WsClient.connect(socketIo)) {
            String open = ws.nextText();
            assertTrue(open.startsWith("0{\"sid\":"), open);
        }
    }

    /** A polling handshake at /socket.io/, and one poll of its session (the Socket.IO server asks for a CONNECT). */
    static void pollSocketIo(Eio eio) throws Exception {
        HttpResponse<String> open = Eio.HTTP.send(HttpRequest.newBuilder(
                eio.at("socket.io/?EIO=4&transport=polling")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode(), open.body());
        assertTrue(open.body().startsWith("0{\"sid\":"), open.body());
        String sid = Eio.json(open.body().substring(1)).getString("sid");
        HttpResponse<String> connect = Eio.HTTP.send(HttpRequest.newBuilder(
                eio.at("socket.io/?EIO=4&transport=polling&sid=" + sid))
                .POST(HttpRequest.BodyPublishers.ofString("40")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, connect.statusCode(), connect.body());
        assertEquals("ok", connect.body());
        HttpResponse<String> connected = Eio.HTTP.send(HttpRequest.newBuilder(
                eio.at("socket.io/?EIO=4&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, connected.statusCode(), connected.body());
        assertTrue(connected.body().startsWith("40{\"sid\":"), connected.body());
    }
}
