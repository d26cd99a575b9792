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

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import static dev.tidewire.internal.engine.HttpExchange.OVERSIZED_BODY_DRAIN_BYTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Misbehaving polling clients on an open session: oversized, overlapping, binary and unknown-method requests. After
 * each, a separate session that was open before the bad request still echoes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PollingErrorsIT {
    private static final int MAX_HTTP_BUFFER_SIZE = Deployments.CONFORMANCE_MAX_HTTP_BUFFER_SIZE;
    /**
     * With the reference's heartbeat: a POST over the limit is read to its end before its 413, and a 300 ms ping
     * answered meanwhile would need a pong POST, which would overlap it or come after the ping timeout.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Deployments.REFERENCE_HEARTBEAT);
    }

    @ArquillianResource
    URL base;

    private Eio eio;
    private PollingSession witness;

    @BeforeEach
    void openWitness() {
        eio = new Eio(base);
        witness = PollingSession.open(eio);
    }

    @AfterEach
    void witnessStillEchoes() {
        try (PollingSession w = witness) {
            w.assertEchoes("witness still served");
        }
    }

    @Test
    void postOverMaxHttpBufferSizeIs413AndTheSessionStaysUsable() {
        try (PollingSession s = PollingSession.open(eio)) {
            Eio.assertEmpty(s.post("4" + "a".repeat(1_000_000)), 413); // 1000001 bytes
            s.assertEchoes("still usable");
            // the limit counts bytes, not characters: 333335 characters, 1000003 bytes
            Eio.assertEmpty(s.post("4" + "€".repeat(333_334)), 413);
            s.assertEchoes("still usable after the multibyte one");
        }
    }

    /**
     * A client that writes all of an oversized body before it reads, as a browser does, gets the 413. The server
     * reads such a body to its end first: a close with request bytes unread resets the connection, and the client's
     * next write fails with a broken pipe. (Payara closed at once, and the JDK's HttpClient then failed about one
     * oversized POST in 150, without the 413.) The client's send buffer is small, so that the body cannot all sit in
     * the kernel's buffers while the server closes.
     */
    @Test
    void aClientThatWritesAllOfAnOversizedBodyBeforeReadingGetsThe413() throws Exception {
        try (PollingSession s = PollingSession.open(eio)) {
            byte[] body = new byte[MAX_HTTP_BUFFER_SIZE + OVERSIZED_BODY_DRAIN_BYTES]; // the most the server reads
            Arrays.fill(body, (byte) 'a');
            body[0] = '4';
            URI post = eio.http(s.query());
            try (Socket socket = RawHttp.connect(post, 64 * 1024)) {
                RawHttp.send(socket, RawHttp.postHead(post, body.length));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
                String answer = RawHttp.readUntilClosed(socket);
                assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            }
            s.assertEchoes("still usable");
        }
    }

    /** A body declared longer than the server would read is refused at once: the server does not wait for it. */
    @Test
    void aPostDeclaringMoreThanTheServerWouldReadIs413WithoutItsBody() throws Exception {
        try (PollingSession s = PollingSession.open(eio)) {
            URI post = eio.http(s.query());
            long declared = MAX_HTTP_BUFFER_SIZE + OVERSIZED_BODY_DRAIN_BYTES + 1L;
            String answer = RawHttp.sendAndReadUntilClosed(post, RawHttp.postHead(post, declared));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            s.assertEchoes("still usable");
        }
    }

    @Test
    void postOfExactlyMaxHttpBufferSizeIsAccepted() {
        try (PollingSession s = PollingSession.open(eio)) {
            s.assertEchoes("a".repeat(999_999)); // 1000000 bytes with the type digit
        }
    }

    @Test
    void concurrentGetsAreRefusedAndCloseTheSession() throws Exception {
        for (int attempt = 1; ; attempt++) {
            String sid = eio.handshake().getString("sid");
            CompletableFuture<HttpResponse<String>> first = eio.getAsync(Eio.sidQuery(sid));
            Thread.sleep(100); // lets the first poll reach the server before the second (ordering only)
            if (first.isDone()) { // a heartbeat ping answered it already: no overlap to test
                if (attempt < 3) continue;
                fail("the first poll never stayed pending: " + first.get().body());
            }
            HttpResponse<String> second = eio.get(Eio.sidQuery(sid));
            HttpResponse<String> firstAnswer = first.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            if (firstAnswer.body().equals("2") && attempt < 3) continue; // the ping raced the second poll
            Eio.assertEmpty(second, 400);
            assertEquals(200, firstAnswer.statusCode());
            assertEquals("1", firstAnswer.body());
            assertSessionGone(sid);
            return;
        }
    }

    @Test
    void concurrentPostsAreRefusedAndCloseTheSession() throws Exception {
        String sid = eio.handshake().getString("sid");
        byte[] body = "4first".getBytes(StandardCharsets.UTF_8);
        try (SubmissionPublisher<ByteBuffer> stalled = new SubmissionPublisher<>()) {
            CompletableFuture<HttpResponse<String>> first = Eio.HTTP.sendAsync(eio.request(Eio.sidQuery(sid))
                            .header("Content-Type", "text/plain;charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.fromPublisher(stalled, body.length)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Eio.WAIT.toNanos();
            while (stalled.getNumberOfSubscribers() == 0) { // the client is sending the first POST
                if (System.nanoTime() > deadline) fail("the first POST was never sent");
                Thread.sleep(5);
            }
            stalled.submit(ByteBuffer.wrap(body, 0, 2)); // half the body; the rest is held back
            Thread.sleep(100); // lets the first POST reach the server before the second (ordering only)
            Eio.assertEmpty(eio.post(Eio.sidQuery(sid), "4second"), 400);
            stalled.submit(ByteBuffer.wrap(body, 2, body.length - 2));
            stalled.close();
            HttpResponse<String> firstAnswer = first.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            System.out.println("the overlapped POST was answered " + firstAnswer.statusCode() + " " + firstAnswer.body());
        }
        assertSessionGone(sid);
    }

    @Test
    void octetStreamPostIs400AndClosesTheSession() {
        try (PollingSession s = PollingSession.open(eio)) {
            HttpResponse<String> r = Eio.send(eio.request(s.query())
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'4', 1, 2, 3})).build());
            Eio.assertEmpty(r, 400);
            // the loop's poll ends with a close packet if it was pending, or with code 1 if it came after the POST
            HttpResponse<String> end = s.awaitEnd();
            if (end.statusCode() == 200) assertEquals("1", end.body());
            else Eio.assertError(end, 1, "Session ID unknown");
            assertSessionGone(s.sid);
        }
    }

    @Test
    void putOnASessionIs500AndTheSessionStaysUsable() {
        try (PollingSession s = PollingSession.open(eio)) {
            HttpResponse<String> r = Eio.send(eio.request(s.query())
                    .PUT(HttpRequest.BodyPublishers.ofString("4x")).build());
            Eio.assertEmpty(r, 500);
            s.assertEchoes("after the PUT");
        }
    }

    @Test
    void clientCloseEndsTheSession() {
        PollingSession s = PollingSession.open(eio);
        s.assertEchoes("before closing");
        HttpResponse<String> r = s.post("1");
        assertEquals("ok", r.body());
        // a pending poll is answered with a noop; a poll that comes after the close finds no session
        HttpResponse<String> end = s.awaitEnd();
        if (end.statusCode() == 200) assertEquals("6", end.body());
        else Eio.assertError(end, 1, "Session ID unknown");
        assertSessionGone(s.sid);
    }

    private void assertSessionGone(String sid) {
        Eio.assertError(eio.get(Eio.sidQuery(sid)), 1, "Session ID unknown");
        Eio.assertError(eio.post(Eio.sidQuery(sid), "4late"), 1, "Session ID unknown");
        assertFalse(sid.isEmpty());
    }
}
