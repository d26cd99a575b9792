package dev.tidewire.it;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A polling session with a poll pending and a probed WebSocket: 2probe answered 3probe, the poll answered 6. */
record ProbedUpgrade(String sid, WsClient ws) {
    static ProbedUpgrade start(Eio eio) throws Exception {
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
        return new ProbedUpgrade(sid, ws);
    }
}
