package dev.tidewire.server;

import dev.tidewire.internal.engine.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientBundleFilesTest {
    private static final byte[] JS = "/*! Socket.IO */ var io = 1;\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    private static final byte[] MAP = "{\"version\":3}".getBytes(StandardCharsets.UTF_8);
    private final ClientBundleFiles bundle = ClientBundleFiles.of("4.8.4",
            Map.of("socket.io.min.js", JS, "socket.io.min.js.map", MAP));

    @Test
    void servesTheFileWithTheReferenceHeaders() {
        HttpResponse r = bundle.respond("socket.io.min.js", null, null);
        assertEquals(200, r.status());
        assertEquals("application/javascript; charset=utf-8", r.contentType());
        assertEquals("\"4.8.4\"", r.headers().get("ETag"));
        assertEquals("public, max-age=0", r.headers().get("Cache-Control"));
        assertEquals("Accept-Encoding", r.headers().get("Vary"));
        assertNull(r.headers().get("Content-Encoding"));
        assertSame(JS, r.body());
    }

    @Test
    void mapsAreJson() {
        HttpResponse r = bundle.respond("socket.io.min.js.map", null, null);
        assertEquals("application/json; charset=utf-8", r.contentType());
        assertArrayEquals(MAP, r.body());
    }

    @Test
    void otherNamesAreNotOurs() {
        assertNull(bundle.respond("socket.io.esm.js", null, null));
        assertNull(bundle.respond("", null, null));
        assertNull(bundle.respond("socket.io.min.js?x=1", null, null));
    }

    @Test
    void matchingEntityTagIsNotModified() {
        for (String tag : new String[] {"\"4.8.4\"", "W/\"4.8.4\"", "\"1.0\", \"4.8.4\"", "*"}) {
            HttpResponse r = bundle.respond("socket.io.min.js", tag, "gzip");
            assertEquals(304, r.status(), tag);
            assertEquals(0, r.body().length, tag);
            assertNull(r.contentType(), tag);
            assertNull(r.headers().get("Content-Encoding"), tag);
            assertEquals("\"4.8.4\"", r.headers().get("ETag"), tag);
        }
    }

    @Test
    void otherEntityTagsGetTheFile() {
        for (String tag : new String[] {"\"4.8.3\"", "4.8.4", "\"4.8.4", "W/4.8.4", ""}) {
            assertEquals(200, bundle.respond("socket.io.min.js", tag, null).status(), tag);
        }
    }

    @Test
    void gzipIsMadeOnceAndDecodesToTheFile() throws IOException {
        HttpResponse r = bundle.respond("socket.io.min.js", null, "gzip, deflate, br");
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertEquals("\"4.8.4\"", r.headers().get("ETag"));
        assertTrue(r.body().length < JS.length);
        assertArrayEquals(JS, new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes());
        assertSame(r, bundle.respond("socket.io.min.js", "\"other\"", "gzip"));
        assertEquals("deflate", bundle.respond("socket.io.min.js", null, "deflate").headers().get("Content-Encoding"));
    }

    @Test
    void loadsTheBuiltBundleFromTheClassPath() throws IOException {
        ClientBundleFiles real = ClientBundleFiles.load();
        assertTrue(real.version().matches("\\d+\\.\\d+\\.\\d+.*"), real.version());
        assertEquals(ClientBundleFiles.NAMES.size(), real.names().size());
        for (String name : ClientBundleFiles.NAMES) {
            HttpResponse r = real.respond(name, null, null);
            assertEquals(200, r.status(), name);
            assertTrue(r.body().length > 1000, name);
        }
        String head = new String(real.respond("socket.io.js", null, null).body(), 0, 100, StandardCharsets.UTF_8);
        assertTrue(head.contains("Socket.IO v" + real.version()), head);
    }

    @Test
    void entityTagComparison() {
        assertTrue(StaticFiles.matches(" W/\"1\" ", "\"1\""));
        assertFalse(StaticFiles.matches(null, "\"1\""));
        assertFalse(StaticFiles.matches("\"10\"", "\"1\""));
    }
}
