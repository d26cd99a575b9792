package dev.tidewire.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Polling answers are compressed as the reference's polling transport compresses them: only when one of the packets
 * may be compressed ({@code compress(false)} says it may not), the body reaches {@code httpCompressionThreshold}, and
 * the client's {@code Accept-Encoding} accepts gzip or deflate, chosen by q-value as the client bundle's coding is.
 */
class PollingCompressionTest {
    private static final String BIG = "x".repeat(2000);

    private final TestEngine t = new TestEngine();
    private final String sid = t.handshakePolling();

    private HttpResponse poll(String acceptEncoding) {
        return t.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(sid), Map.of("Accept-Encoding", acceptEncoding)))
                .response();
    }

    private static String decoded(HttpResponse r) throws IOException {
        String coding = r.headers().get("Content-Encoding");
        InputStream raw = new ByteArrayInputStream(r.body());
        if (coding != null && !coding.equals("gzip") && !coding.equals("deflate")) throw new AssertionError(coding);
        // deflate is the zlib format, as Node's createDeflate writes it
        try (InputStream in = coding == null ? raw : coding.equals("gzip") ? new GZIPInputStream(raw)
                : new InflaterInputStream(raw)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "gzip, deflate, br        | gzip",
            "deflate                  | deflate",
            "deflate, gzip            | deflate",
            "gzip;q=0.5, deflate      | deflate",
            "gzip;q=0, *              | deflate",
            "br, gzip;q=0.8, deflate;q=0.9 | deflate",
            "*                        | gzip",
            "identity                 | none",
            "gzip;q=0, deflate;q=0    | none",
            "br                       | none"})
    void theCodingIsTheClientsPreferredOneAmongGzipAndDeflate(String acceptEncoding, String expected) throws IOException {
        t.session(sid).sendMessage(BIG);
        HttpResponse r = poll(acceptEncoding);
        assertEquals(200, r.status());
        assertEquals(expected, r.headers().get("Content-Encoding"));
        assertEquals("4" + BIG, decoded(r));
    }

    @Test
    void anAnswerWhosePacketsAllSayCompressFalseIsSentAsIs() {
        t.session(sid).send(List.of(Packet.message(BIG).withCompress(false), Packet.message("b").withCompress(false)),
                false);
        HttpResponse r = poll("gzip, deflate");
        assertNull(r.headers().get("Content-Encoding"));
        assertEquals("4" + BIG + "\u001e4b", r.bodyText());
    }

    @Test
    void oneCompressiblePacketIsEnoughForTheWholeAnswer() throws IOException {
        t.session(sid).send(List.of(Packet.message(BIG).withCompress(false), Packet.message("b")), false);
        HttpResponse r = poll("deflate");
        assertEquals("deflate", r.headers().get("Content-Encoding"));
        assertEquals("4" + BIG + "\u001e4b", decoded(r));
    }

    @Test
    void theThresholdIsTheOptions() throws IOException {
        TestEngine low = TestEngine.with(b -> b.httpCompressionThreshold(10));
        String lowSid = low.handshakePolling();
        low.session(lowSid).sendMessage("123456789"); // 10 bytes with its type digit: at the threshold
        HttpResponse r = low.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(lowSid),
                Map.of("Accept-Encoding", "gzip"))).response();
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertEquals("4123456789", decoded(r));

        low.session(lowSid).sendMessage("12345678"); // 9 bytes: below it
        r = low.http(FakeHttpExchange.of("GET", TestEngine.pollQuery(lowSid), Map.of("Accept-Encoding", "gzip")))
                .response();
        assertNull(r.headers().get("Content-Encoding"));
        assertEquals("412345678", r.bodyText());
    }

    @Test
    void withCompressKeepsTheDataAndItsEncodedForm() {
        Packet p = Packet.message("hello");
        assertEquals(true, p.compress());
        Packet off = p.withCompress(false);
        assertEquals(false, off.compress());
        assertEquals("4hello", off.encodedText());
        assertEquals(p, off, "the flag is how the packet is sent, not what it is");
        assertEquals(p, p.withCompress(true));
        assertEquals(true, off.withCompress(true).compress());
    }
}
