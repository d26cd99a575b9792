package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        try (Socket socket = connect()) {
            send(socket, "GET " + target(poll) + " HTTP/1.1\r\nHost: " + host(poll) + "\r\n\r\n");
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
        try (Socket socket = connect()) {
            send(socket, "POST " + target(post) + " HTTP/1.1\r\nHost: " + host(post) + "\r\n"
                    + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 1000000\r\n\r\n4");
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

    private Socket connect() throws IOException {
        URI server = eio.at("/");
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout((int) Eio.WAIT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String target(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String host(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
