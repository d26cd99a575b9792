package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a client abandons or stalls, on the echo engine (pingInterval 300, pingTimeout 200). Each costs its
 * session at the latest when the heartbeat gives up, holds no thread meanwhile, and leaves no request open; a session
 * opened before keeps being served.
 */
class StalledRequestsIT extends EchoWitnessed {
    /**
     * The reference closes at once with "transport error", since Node reads every socket. Neither container tells the
     * application of a reset on an idle request (no AsyncListener or WriteListener error on WildFly or Payara; the
     * ping written into the dead poll "succeeds"), so here the heartbeat frees the session.
     */
    @Test
    void aResetLongPollCostsItsSessionWhenTheHeartbeatGivesUp() throws Exception {
        String sid = eio.handshake().getString("sid");
        URI poll = eio.http(Eio.sidQuery(sid));
        try (Socket socket = RawHttp.connect(poll)) {
            RawHttp.send(socket, RawHttp.head("GET", poll, ""));
            socket.setSoLinger(true, 0); // close() now resets the connection
        }
        assertEquals("ping timeout", eio.closeReason(sid));
        Eio.assertError(eio.get(Eio.sidQuery(sid)), 1, "Session ID unknown");
    }

    /**
     * A POST that declares 1 000 000 bytes and trickles one byte at a time. Its reading holds no thread; when the
     * heartbeat gives up on the session (the client cannot pong while its POST is unfinished), the POST is answered
     * 400 and its connection closed, as the reference destroys it.
     */
    @Test
    void aSlowPostIsAnsweredAndItsConnectionClosedWhenTheHeartbeatGivesUp() throws Exception {
        String sid = eio.handshake().getString("sid");
        URI post = eio.http(Eio.sidQuery(sid));
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = RawHttp.connect(post)) {
            RawHttp.send(socket, RawHttp.postHead(post, Deployments.CONFORMANCE_MAX_HTTP_BUFFER_SIZE) + "4");
            OutputStream out = socket.getOutputStream();
            trickle.scheduleWithFixedDelay(() -> {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("the server closed the connection", e); // ends the trickle
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            String answer = RawHttp.readUntilClosed(socket);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        } finally {
            trickle.shutdownNow();
        }
        assertEquals("ping timeout", eio.closeReason(sid));
    }
}
