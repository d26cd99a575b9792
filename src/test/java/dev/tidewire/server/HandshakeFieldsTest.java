package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The handshake's time fields as Node writes them, and a Node node's handshake read back from a cluster message. */
class HandshakeFieldsTest {
    private static final long ISSUED = 1_764_688_306_789L; // 2025-12-02T15:11:46.789Z

    @Test
    void timeIsWrittenAsNodeWritesADate() {
        assertEquals("Tue Dec 02 2025 15:11:46 GMT+0000 (Coordinated Universal Time)",
                Handshake.nodeDate(ISSUED, ZoneId.of("UTC")));
        assertEquals("Tue Dec 02 2025 16:11:46 GMT+0100 (Central European Standard Time)",
                Handshake.nodeDate(ISSUED, ZoneId.of("Europe/Paris")));
    }

    @Test
    void aNodeNodesHandshakeIsReadWithItsOwnTimeTlsAndOriginFlags() {
        Map<String, Object> fromNode = new LinkedHashMap<>();
        fromNode.put("headers", Map.of("origin", "https://app.example", "host", "example.com"));
        fromNode.put("time", "Tue Dec 02 2025 10:11:46 GMT-0500 (Eastern Standard Time)");
        fromNode.put("address", "::1");
        fromNode.put("xdomain", true);
        fromNode.put("secure", true);
        fromNode.put("issued", (double) ISSUED); // a JSON or msgpack number may arrive as a double
        fromNode.put("url", "/socket.io/?EIO=4&transport=polling");
        fromNode.put("query", Map.of("EIO", "4", "transport", "polling"));
        fromNode.put("auth", Map.of("token", "t"));

        Handshake h = Handshake.of(fromNode);
        assertEquals(ISSUED, h.issued());
        assertEquals(fromNode.get("time"), h.time(), "kept as that node wrote it");
        assertTrue(h.secure());
        assertTrue(h.xdomain());
        assertEquals("::1", h.address());
        assertEquals(Map.of("token", "t"), h.auth());

        Map<String, Object> back = h.asMap();
        assertEquals(List.of("headers", "query", "address", "time", "issued", "url", "secure", "xdomain", "auth"),
                List.copyOf(back.keySet()));
        assertEquals(ISSUED, back.get("issued"));
        assertEquals(fromNode.get("time"), back.get("time"));
    }

    @Test
    void aHandshakeWithoutOriginNorTlsSaysSo() {
        Handshake h = Handshake.of(Map.of("headers", Map.of("host", "example.com"), "issued", ISSUED));
        assertFalse(h.secure());
        assertFalse(h.xdomain());
        assertEquals(ISSUED, h.issued());
        assertEquals(Handshake.nodeDate(ISSUED, ZoneId.systemDefault()), h.time(), "none sent: written from issued");
    }
}
