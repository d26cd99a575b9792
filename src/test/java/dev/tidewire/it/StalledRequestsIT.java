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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
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
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StalledRequestsIT {
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
            String answer = readUntilClosed(socket);
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

    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) received.write(chunk, 0, n);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the stalled request open: "
                    + received.toString(StandardCharsets.ISO_8859_1), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static String target(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String host(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
