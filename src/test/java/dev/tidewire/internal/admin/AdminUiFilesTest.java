package dev.tidewire.internal.admin;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Admin UI's files: only indexed names, content types, ETag and 304, compression of text only. */
class AdminUiFilesTest {
    private static final byte[] PAGE = "<!DOCTYPE html><title>Socket.IO Admin UI</title>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SCRIPT = "console.log('ui');".repeat(20).getBytes(StandardCharsets.UTF_8);
    private static final byte[] ICON = {(byte) 0x89, 'P', 'N', 'G'};
    private final AdminUiFiles files = AdminUiFiles.of("0.5.1",
            Map.of("index.html", PAGE, "js/app.1234.js", SCRIPT, "favicon.png", ICON));

    @Test
    void theRootIsThePage() {
        HttpResponse page = files.respond("", null, null);
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertArrayEquals(PAGE, page.body());
        assertEquals("\"0.5.1\"", page.headers().get("ETag"));
        assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
        assertArrayEquals(PAGE, files.respond("index.html", null, null).body());
    }

    @Test
    void onlyTheUisFilesAreServed() {
        assertNull(files.respond("js/other.js", null, null));
        assertNull(files.respond("../index.html", null, null));
        assertNull(files.respond("js/../index.html", null, null));
        assertNull(files.respond("/index.html", null, null));
    }

    @Test
    void theVersionIsTheEntityTag() {
        assertEquals(304, files.respond("js/app.1234.js", "W/\"0.5.1\"", null).status());
        assertEquals(304, files.respond("favicon.png", "\"x\", \"0.5.1\"", null).status());
        assertEquals(200, files.respond("favicon.png", "\"0.5.0\"", null).status());
    }

    @Test
    void textIsCompressedWhenAcceptedImagesNever() throws IOException {
        HttpResponse script = files.respond("js/app.1234.js", null, "gzip, deflate");
        assertEquals("gzip", script.headers().get("Content-Encoding"));
        assertEquals("application/javascript; charset=utf-8", script.contentType());
        assertArrayEquals(SCRIPT, new GZIPInputStream(new ByteArrayInputStream(script.body())).readAllBytes());
        HttpResponse icon = files.respond("favicon.png", null, "gzip");
        assertFalse(icon.headers().containsKey("Content-Encoding"));
        assertEquals("image/png", icon.contentType());
        assertArrayEquals(ICON, icon.body());
    }

    @Test
    void theBuildPutTheNpmPackagesFilesOnTheClassPath() throws IOException {
        AdminUiFiles built = AdminUiFiles.load();
        assertTrue(built.version().matches("\\d+\\.\\d+\\.\\d+"), built.version());
        String page = built.respond("", null, null).bodyText();
        assertTrue(page.contains("<title>Socket.IO Admin UI</title>"), page);
        String[] scripts = page.split("<script src=\"");
        assertTrue(scripts.length > 1, "the page loads scripts: " + page);
        for (int i = 1; i < scripts.length; i++) {
            String name = scripts[i].substring(0, scripts[i].indexOf('"'));
            assertEquals(200, built.respond(name, null, null).status(), "the page's script " + name);
        }
    }
}
