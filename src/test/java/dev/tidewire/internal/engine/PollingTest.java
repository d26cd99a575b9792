package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PollingTest {
    private final TestEngine t = new TestEngine();
    private final String sid = t.handshakePolling();

    private static void assertPoll(FakeHttpExchange ex, String payload) {
        HttpResponse r = ex.response();
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=UTF-8", r.contentType());
        assertEquals("no-store", r.headers().get("Cache-Control"));
        assertEquals(payload, r.bodyText());
    }

    private static void assertEmptyStatus(FakeHttpExchange ex, int status) {
        HttpResponse r = ex.response();
        assertEquals(status, r.status());
        assertEquals(0, r.body().length, r.bodyText());
    }

    private RecordingListener listener() {
        return t.listener(sid);
    }

    // ---------------------------------------------------------------- GET

    @Test
    void aPostIsAnsweredOnlyOnceItsPacketsHaveBeenDelivered() {
        // the client sends its next POST when this one is answered: answering first let two POSTs' packets overlap
        FakeHttpExchange post = FakeHttpExchange.post(TestEngine.pollQuery(sid), "4a\u001e4b");
        List<Boolean> answeredWhenDelivered = new java.util.ArrayList<>();
        listener().whenMessage = () -> answeredWhenDelivered.add(post.answered());
        t.http(post);
        assertEquals(List.of(false, false), answeredWhenDelivered);
        assertEquals("ok", post.bodyText());
        assertEquals("ok", t.post(sid, "4c").bodyText(), "the next POST is taken once this one is answered");
        assertEquals(List.of("a", "b", "c"), listener().messages);
    }

    @Test
    void bufferedPacketsAreDeliveredInOrderInOnePayload() {
        EngineSession s = t.session(sid);
        assertTrue(s.sendMessage("a"));
        assertTrue(s.sendBinary(new byte[] {1, 2, 3, 4}));
        assertTrue(s.sendMessage("c"));
        assertPoll(t.get(sid), "4a\u001ebAQIDBA==\u001e4c");
        assertEquals(0, s.queuedPackets());
    }

    @Test
    void getIsHeldUntilAPacketIsSent() {
        FakeHttpExchange get = t.get(sid);
        assertFalse(get.answered());
        t.session(sid).sendMessage("hello");
        assertPoll(get, "4hello");

        t.session(sid).sendMessage("later");
        FakeHttpExchange next = t.get(sid);
        assertPoll(next, "4later");
    }

    @Test
    void multibyteUtf8IsWrittenAsUtf8Bytes() {
        t.session(sid).sendMessage("€");
        HttpResponse r = t.get(sid).response();
        assertArrayEquals(new byte[] {'4', (byte) 0xe2, (byte) 0x82, (byte) 0xac}, r.body());
    }

    @Test
    void largeResponseIsGzippedWhenAccepted() throws IOException {
        String big = "x".repeat(1023); // "4" + 1023 = 1024 bytes: at the threshold
        t.session(sid).sendMessage(big);
        FakeHttpExchange get = t.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(sid),
                Map.of("Accept-Encoding", "gzip, deflate, br")));
        HttpResponse r = get.response();
        assertEquals(200, r.status());
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertEquals("text/plain; charset=UTF-8", r.contentType());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertEquals("4" + big, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void responseBelowThresholdIsNotGzipped() {
        String small = "x".repeat(1022); // 1023 bytes
        t.session(sid).sendMessage(small);
        HttpResponse r = t.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(sid),
                Map.of("Accept-Encoding", "gzip"))).response();
        assertNull(r.headers().get("Content-Encoding"));
        assertEquals("4" + small, r.bodyText());
    }

    @Test
    void largeResponseIsNotGzippedWithoutAcceptEncoding() {
        String big = "x".repeat(5000);
        t.session(sid).sendMessage(big);
        HttpResponse r = t.get(sid).response();
        assertNull(r.headers().get("Content-Encoding"));
        assertEquals("4" + big, r.bodyText());
    }

    @Test
    void concurrentGetIsRejectedAndClosesTheSession() {
        FakeHttpExchange first = t.get(sid);
        FakeHttpExchange second = t.get(sid);
        assertEmptyStatus(second, 400);
        assertPoll(first, "1");
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);
        assertEquals("transport error", listener().closes.get(0).wireName());
        assertNull(t.server.session(sid));
    }

    // ---------------------------------------------------------------- POST

    @Test
    void postIsAnsweredOkAndPacketsReachTheListenerInOrder() {
        FakeHttpExchange post = t.post(sid, "4hello\u001ebAQIDBA==\u001e4€\u001e4\uD83D\uDE00");
        HttpResponse r = post.response();
        assertEquals(200, r.status());
        assertEquals("text/html", r.contentType());
        assertEquals("ok", r.bodyText());
        assertArrayEquals(new byte[] {'o', 'k'}, r.body());
        assertEquals(List.of("hello", "€", "\uD83D\uDE00"), listener().messages);
        assertEquals(1, listener().binaries.size());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, listener().binaries.get(0));
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void bodyOverMaxHttpBufferSizeIs413AndSessionStaysOpen() {
        TestEngine small = TestEngine.with(b -> b.maxHttpBufferSize(10));
        String id = small.handshakePolling();
        FakeHttpExchange tooBig = small.post(id, "4" + "x".repeat(10)); // 11 bytes
        assertEmptyStatus(tooBig, 413);
        assertTrue(small.session(id).isOpen());
        assertTrue(small.listener(id).messages.isEmpty());
        assertTrue(small.listener(id).closes.isEmpty());

        FakeHttpExchange atLimit = small.post(id, "4" + "x".repeat(9)); // 10 bytes
        assertEquals("ok", atLimit.bodyText());
        assertEquals(List.of("x".repeat(9)), small.listener(id).messages);
    }

    @Test
    void octetStreamPostIs400AndClosesWithTransportError() {
        FakeHttpExchange get = t.get(sid);
        FakeHttpExchange post = t.http(FakeHttpExchange.of("POST", TestEngine.pollQuery(sid),
                Map.of("Content-Type", "application/octet-stream")).body(new byte[] {4, 1, 2}));
        assertEmptyStatus(post, 400);
        assertEquals(0, post.readBodyCalls, "the body is not read");
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);
        assertPoll(get, "1");
    }

    @Test
    void concurrentPostIsRejectedAndClosesTheSession() {
        FakeHttpExchange first = FakeHttpExchange.post(TestEngine.pollQuery(sid), "4one").holdBody();
        t.http(first);
        assertFalse(first.answered());
        FakeHttpExchange second = t.post(sid, "4two");
        assertEmptyStatus(second, 400);
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);

        // the slow first POST is abandoned with the session, as the reference destroys it
        assertTrue(first.aborted);
        assertEquals(1, first.responses.size());
        assertTrue(listener().messages.isEmpty(), "no message is delivered after the close");
        assertEquals(1, listener().closes.size());
    }

    @Test
    void sequentialPostsAreFine() {
        assertEquals("ok", t.post(sid, "4one").bodyText());
        assertEquals("ok", t.post(sid, "4two").bodyText());
        assertEquals(List.of("one", "two"), listener().messages);
        assertTrue(t.session(sid).isOpen());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"})
    void otherMethodsOnASidAre500(String method) {
        FakeHttpExchange ex = t.http(FakeHttpExchange.of(method, TestEngine.pollQuery(sid), Map.of()));
        assertEmptyStatus(ex, 500);
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void clientClosePacketAnswersPendingGetWithNoopAndClosesWithTransportClose() {
        FakeHttpExchange get = t.get(sid);
        FakeHttpExchange post = t.post(sid, "1");
        assertEquals("ok", post.bodyText());
        assertPoll(get, "6");
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), listener().closes);
        assertEquals("transport close", listener().closes.get(0).wireName());
    }

    @Test
    void messagesBeforeAClosePacketAreDeliveredAndLaterOnesAreNot() {
        t.post(sid, "4before\u001e1\u001e4after");
        assertEquals(List.of("before"), listener().messages);
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), listener().closes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "9", "4a\u001e", "", "b!!!", "4ok\u001e7x"})
    void parseErrorInPostClosesWithParseError(String body) {
        FakeHttpExchange get = t.get(sid);
        t.post(sid, body);
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.PARSE_ERROR), listener().closes);
        assertEquals("parse error", listener().closes.get(0).wireName());
        assertPoll(get, "1");
    }

    @Test
    void clientPingIsInvalidHeartbeatDirectionAndClosesWithTransportError() {
        FakeHttpExchange get = t.get(sid);
        t.post(sid, "2");
        assertFalse(t.session(sid).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);
        assertPoll(get, "1");
    }

    @Test
    void clientNoopOpenAndUpgradePacketsAreIgnored() {
        t.post(sid, "6\u001e0\u001e5\u001e4still here");
        assertTrue(t.session(sid).isOpen());
        assertEquals(List.of("still here"), listener().messages);
    }

    @Test
    void closePacketDuringPostIsNotFollowedBySessionIdErrors() {
        t.post(sid, "1");
        FakeHttpExchange after = t.get(sid);
        assertEquals(400, after.status());
        assertTrue(after.bodyText().contains("\"code\":1"), after.bodyText());
    }
}
