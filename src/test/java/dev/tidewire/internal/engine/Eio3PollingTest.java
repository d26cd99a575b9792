package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine.IO v3 over polling ({@code allowEIO3}): length-prefixed, binary (XHR2) and JSONP payloads. */
class Eio3PollingTest {
    private static final String TEXT = "text/plain; charset=UTF-8";
    private final TestEngine t = TestEngine.with(b -> b.allowEIO3(true).pingInterval(300).pingTimeout(200));

    private FakeHttpExchange handshakeExchange(String extraQuery) {
        FakeHttpExchange ex = t.http(FakeHttpExchange.get("EIO=3&transport=polling&t=x" + extraQuery));
        assertEquals(200, ex.status(), ex.bodyText());
        return ex;
    }

    private String handshake(String extraQuery) {
        return TestEngine.sidOf(handshakeExchange(extraQuery).bodyText());
    }

    private static String query(String sid) {
        return "EIO=3&transport=polling&sid=" + sid;
    }

    private FakeHttpExchange get(String sid) {
        return t.http(FakeHttpExchange.get(query(sid)));
    }

    private FakeHttpExchange post(String sid, String body) {
        return t.http(FakeHttpExchange.post(query(sid), body));
    }

    private FakeHttpExchange postBinary(String sid, byte[] body) {
        return t.http(FakeHttpExchange.of("POST", query(sid), Map.of("Content-Type", "application/octet-stream"))
                .body(body));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    @Test
    void theHandshakeIsALengthPrefixedOpenPacketWithoutMaxPayload() {
        HttpResponse r = handshakeExchange("").response();
        assertEquals(TEXT, r.contentType());
        String sid = TestEngine.sidOf(r.bodyText());
        String open = "0{\"sid\":\"" + sid + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200}";
        assertEquals(open.length() + ":" + open, r.bodyText());
        assertSame(EngineProtocol.V3, t.session(sid).protocol());
    }

    /** As the reference, every EIO value but 4 (a missing one included) is v3 once v3 is allowed. */
    @ParameterizedTest
    @ValueSource(strings = {"EIO=3&transport=polling", "transport=polling", "EIO=abc&transport=polling"})
    void everyOtherRevisionIsV3(String query) {
        FakeHttpExchange ex = t.http(FakeHttpExchange.get(query));
        assertEquals(200, ex.status(), ex.bodyText());
        assertSame(EngineProtocol.V3, t.session(TestEngine.sidOf(ex.bodyText())).protocol());
    }

    @Test
    void v4ClientsAreUnchangedWhenV3IsAllowed() {
        String sid = t.handshakePolling();
        assertSame(EngineProtocol.V4, t.session(sid).protocol());
        t.session(sid).sendMessage("a");
        t.session(sid).sendMessage("b");
        assertEquals("4a\u001e4b", t.get(sid).bodyText());
    }

    @Test
    void messagesTravelLengthPrefixed() {
        String sid = handshake("");
        FakeHttpExchange post = post(sid, "6:4hello2:4€3:4😀");
        assertEquals("ok", post.bodyText());
        assertEquals(List.of("hello", "€", "😀"), t.listener(sid).messages);
        t.session(sid).sendMessage("a😀");
        t.session(sid).sendMessage("b");
        FakeHttpExchange poll = get(sid);
        assertEquals(TEXT, poll.response().contentType());
        assertEquals("4:4a😀2:4b", poll.bodyText());
    }

    @Test
    void binaryGoesAsBase64ToAClientThatAskedForIt() {
        String sid = handshake("&b64=1");
        t.session(sid).sendBinary(new byte[] {1, 2, 3, 4});
        t.session(sid).sendMessage("x");
        FakeHttpExchange poll = get(sid);
        assertEquals(TEXT, poll.response().contentType());
        assertEquals("10:b4AQIDBA==2:4x", poll.bodyText());
    }

    @Test
    void binaryMakesTheWholeBatchBinaryForAnXhr2Client() {
        String sid = handshake("");
        t.session(sid).sendMessage("€");
        t.session(sid).sendBinary(new byte[] {1, 2, 3});
        HttpResponse r = get(sid).response();
        assertEquals("application/octet-stream", r.contentType());
        assertArrayEquals(bytes(0, 4, 0xff, '4', 0xe2, 0x82, 0xac, 1, 4, 0xff, 4, 1, 2, 3), r.body());
    }

    @Test
    void aTextBatchToAnXhr2ClientStaysText() {
        String sid = handshake("");
        t.session(sid).sendMessage("x");
        HttpResponse r = get(sid).response();
        assertEquals(TEXT, r.contentType());
        assertEquals("2:4x", r.bodyText());
    }

    @Test
    void aClientMayPostABinaryPayload() {
        String sid = handshake("");
        FakeHttpExchange post = postBinary(sid, bytes(0, 2, 0xff, '4', 'a', 1, 4, 0xff, 4, 1, 2, 3));
        assertEquals("ok", post.bodyText());
        assertEquals(List.of("a"), t.listener(sid).messages);
        assertEquals(1, t.listener(sid).binaries.size());
        assertArrayEquals(bytes(1, 2, 3), t.listener(sid).binaries.get(0));
        assertTrue(t.session(sid).isOpen());
    }

    @Test
    void aPostedBase64PacketIsBinary() {
        String sid = handshake("&b64=1");
        post(sid, "10:b4AQIDBA==");
        assertArrayEquals(bytes(1, 2, 3, 4), t.listener(sid).binaries.get(0));
    }

    /** The packets before the bad record reach the listener, then the session closes, as the reference. */
    @Test
    void aMalformedPayloadClosesWithParseError() {
        String sid = handshake("");
        FakeHttpExchange held = get(sid);
        post(sid, "2:4a9:4short");
        assertEquals(List.of("a"), t.listener(sid).messages);
        assertEquals(List.of(CloseReason.PARSE_ERROR), t.listener(sid).closes);
        assertEquals("1:1", held.bodyText(), "the pending poll learns of the close");
        assertEquals(0, t.server.sessionCount());
    }

    @Test
    void aMalformedBinaryPayloadClosesWithParseError() {
        String sid = handshake("");
        postBinary(sid, bytes(0, 2, 0xff, '4', 'a', 7, 1, 0xff, '2'));
        assertEquals(List.of("a"), t.listener(sid).messages);
        assertEquals(List.of(CloseReason.PARSE_ERROR), t.listener(sid).closes);
    }

    @Test
    void aBodyOverMaxHttpBufferSizeIs413AndTheSessionStays() {
        TestEngine small = TestEngine.with(b -> b.allowEIO3(true).maxHttpBufferSize(10));
        FakeHttpExchange hs = small.http(FakeHttpExchange.get("EIO=3&transport=polling"));
        String sid = TestEngine.sidOf(hs.bodyText());
        FakeHttpExchange post = small.http(FakeHttpExchange.of("POST", query(sid),
                Map.of("Content-Type", "application/octet-stream")).body(new byte[11]));
        assertEquals(413, post.status());
        assertTrue(small.session(sid).isOpen());
        assertEquals(List.of(), small.listener(sid).binaries);
    }

    @Test
    void aClientCloseAnswersThePendingPollWithNoop() {
        String sid = handshake("");
        FakeHttpExchange held = get(sid);
        post(sid, "1:1");
        assertEquals("1:6", held.bodyText());
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), t.listener(sid).closes);
    }

    /** As the reference: every request of a session speaks its handshake's revision (PROTOCOL_MISMATCH). */
    @Test
    void aRequestOfAnotherRevisionIsABadRequest() {
        String v3 = handshake("");
        FakeHttpExchange asV4 = t.http(FakeHttpExchange.get("EIO=4&transport=polling&sid=" + v3));
        assertEquals(400, asV4.status());
        assertEquals("{\"code\":3,\"message\":\"Bad request\"}", asV4.bodyText());
        String v4 = t.handshakePolling();
        FakeHttpExchange asV3 = t.http(FakeHttpExchange.post("EIO=3&transport=polling&sid=" + v4, "2:4a"));
        assertEquals(400, asV3.status());
        assertEquals(List.of(), t.listener(v4).messages);
        assertEquals(2, t.server.sessionCount(), "the sessions themselves stay");
        assertTrue(t.server.verifyUpgrade(TestEngine.wsRequest("EIO=4&transport=websocket&sid=" + v3)) != null);
    }

    // ---------------------------------------------------------------- JSONP

    @Test
    void jsonpAnswersWithTheCallbackScript() {
        HttpResponse r = handshakeExchange("&j=2").response();
        assertEquals(TEXT, r.contentType());
        String sid = TestEngine.sidOf(r.bodyText().replace("\\\"", "\""));
        String open = "0{\\\"sid\\\":\\\"" + sid + "\\\",\\\"upgrades\\\":[\\\"websocket\\\"],"
                + "\\\"pingInterval\\\":300,\\\"pingTimeout\\\":200}";
        int length = open.replace("\\\"", "\"").length();
        assertEquals("___eio[2](\"" + length + ":" + open + "\");", r.bodyText());

        t.session(sid).sendMessage("line\u2028sep");
        t.session(sid).sendBinary(new byte[] {1});
        assertEquals("___eio[2](\"9:4line\\u2028sep6:b4AQ==\");", get(sid).bodyText());
    }

    @Test
    void jsonpPostsAreForms() {
        HttpResponse r = handshakeExchange("&j=0").response();
        String sid = TestEngine.sidOf(r.bodyText().replace("\\\"", "\""));
        FakeHttpExchange post = t.http(FakeHttpExchange.of("POST", query(sid),
                Map.of("Content-Type", "application/x-www-form-urlencoded")).body("d=4%3A4a%5Cnb1%3A2"));
        assertEquals("ok", post.bodyText());
        assertEquals(List.of("a\nb"), t.listener(sid).messages);
        assertEquals("___eio[0](\"1:3\");", get(sid).bodyText(), "the ping was answered");
    }

    @Test
    void aJsonpFormWithoutDIsIgnored() {
        String sid = TestEngine.sidOf(handshakeExchange("&j=0").bodyText().replace("\\\"", "\""));
        FakeHttpExchange post = t.http(FakeHttpExchange.post(query(sid), "x=1"));
        assertEquals("ok", post.bodyText());
        assertTrue(t.session(sid).isOpen());
        assertEquals(List.of(), t.listener(sid).messages);
    }

    @Test
    void aBinaryPostToAJsonpSessionIsRefused() {
        String sid = TestEngine.sidOf(handshakeExchange("&j=0").bodyText().replace("\\\"", "\""));
        FakeHttpExchange post = postBinary(sid, bytes(0, 1, 0xff, '2'));
        assertEquals(400, post.status());
        assertFalse(t.session(sid).isOpen());
    }
}
