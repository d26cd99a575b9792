package dev.tidewire.internal.engine;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import static dev.tidewire.internal.engine.ContentCoding.DEFLATE;
import static dev.tidewire.internal.engine.ContentCoding.GZIP;
import static dev.tidewire.internal.engine.ContentCoding.IDENTITY;
import static dev.tidewire.internal.engine.ContentCoding.negotiate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ContentCodingTest {
    @Test
    void noHeaderOrNothingOfOursMeansIdentity() {
        assertEquals(IDENTITY, negotiate(null));
        assertEquals(IDENTITY, negotiate(""));
        assertEquals(IDENTITY, negotiate("identity"));
        assertEquals(IDENTITY, negotiate("br"));
        assertEquals(IDENTITY, negotiate("compress, zstd"));
    }

    @Test
    void browsersGetGzip() {
        assertEquals(GZIP, negotiate("gzip, deflate, br, zstd"));
        assertEquals(GZIP, negotiate("gzip"));
        assertEquals(GZIP, negotiate("br, gzip"));
    }

    @Test
    void deflateAloneOrPreferred() {
        assertEquals(DEFLATE, negotiate("deflate"));
        assertEquals(DEFLATE, negotiate("deflate, gzip"));
        assertEquals(DEFLATE, negotiate("gzip;q=0.5, deflate"));
    }

    @Test
    void qualityZeroRefuses() {
        assertEquals(DEFLATE, negotiate("gzip;q=0, deflate"));
        assertEquals(IDENTITY, negotiate("gzip;q=0, deflate;q=0"));
        assertEquals(DEFLATE, negotiate("*, gzip;q=0"));
        assertEquals(IDENTITY, negotiate("*;q=0"));
    }

    @Test
    void wildcardTakesTheServerOrder() {
        assertEquals(GZIP, negotiate("*"));
        assertEquals(DEFLATE, negotiate("gzip;q=0.2, *;q=0.8"));
        assertEquals(GZIP, negotiate("deflate;q=0.5, *"));
    }

    @Test
    void parsingIsLenient() {
        assertEquals(GZIP, negotiate("  GZIP ; Q=1.0 ,"));
        assertEquals(DEFLATE, negotiate("gzip;q=abc, deflate"));
        assertEquals(DEFLATE, negotiate("gzip;q=2, deflate"));
        assertEquals(GZIP, negotiate("gzip;level=1"));
    }

    @Test
    void encodingsRoundTrip() throws IOException {
        byte[] data = "console.log('hello');\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        assertSame(data, IDENTITY.encode(data));
        assertArrayEquals(data, new GZIPInputStream(new ByteArrayInputStream(GZIP.encode(data))).readAllBytes());
        assertArrayEquals(data, new InflaterInputStream(new ByteArrayInputStream(DEFLATE.encode(data))).readAllBytes());
        assertEquals("gzip", GZIP.token());
        assertEquals("deflate", DEFLATE.token());
    }
}
