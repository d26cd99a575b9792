package dev.tidewire.it;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A deliberately small HTTP/2 cleartext client on a plain socket, for checking what a server sends byte by byte:
 * one GET, either as an HTTP/1.1 request with {@code Upgrade: h2c} (RFC 7540 section 3.2) or with prior knowledge
 * (section 3.4). It takes no shortcut the server could hide behind: every frame header is checked against the
 * limits this client announced (SETTINGS_MAX_FRAME_SIZE 16384, flow-control windows of 65535 that it only opens
 * as it consumes DATA), the first frame must be the server's SETTINGS, and the response must arrive on stream 1.
 * Like common clients it writes what it has to say at once (the preface with its SETTINGS, or the request): Payara
 * Micro 6.2025.10 answers {@code HTTP/1.1 400} inside the HTTP/2 connection when the client's first SETTINGS frame
 * arrives split across two reads. The JDK's {@code java.net.http} client cannot be used for this: on an h2c upgrade
 * it may drop bytes that arrive in the same socket read as the {@code 101} (see {@link ClientBundleIT}).
 */
final class H2c {
    /** The way the request was carried and what came back. {@code protocol} is "h2c" or "http/1.1". */
    record Response(String protocol, int status, Map<String, String> http1Headers, byte[] body, int frames) {
    }

    static final int MAX_FRAME_SIZE = 16384;   // the default; this client never raises it
    static final int WINDOW = 65535;           // the default initial window, stream and connection
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0, HEADERS = 1, PRIORITY = 2, RST_STREAM = 3, SETTINGS = 4, PUSH_PROMISE = 5,
            PING = 6, GOAWAY = 7, WINDOW_UPDATE = 8, CONTINUATION = 9;
    private static final int END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4, PADDED = 0x8, PRIORITY_FLAG = 0x20;
    /** SETTINGS_ENABLE_PUSH = 0; everything else is left at its default. */
    private static final byte[] SETTINGS_PAYLOAD = {0, 2, 0, 0, 0, 0};

    private H2c() {
    }

    /**
     * GET with {@code Upgrade: h2c}. A server that upgrades must answer {@code 101} naming h2c, then HTTP/2 with the
     * response on stream 1; a server that declines answers over HTTP/1.1 (protocol "http/1.1"), which is allowed.
     */
    static Response upgrade(URI uri) throws IOException {
        try (Socket socket = connect(uri)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(("GET " + target(uri) + " HTTP/1.1\r\nHost: " + authority(uri) + "\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: " + Base64.getUrlEncoder().withoutPadding().encodeToString(SETTINGS_PAYLOAD)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line(in);
            Map<String, String> headers = http1Headers(in);
            int status = http1Status(statusLine);
            if (status != 101) return new Response("http/1.1", status, headers, http1Body(in, headers), 0);
            assertEquals("h2c", headers.getOrDefault("upgrade", "").toLowerCase(Locale.ROOT),
                    "a 101 must name the protocol switched to (RFC 7230 section 6.7): " + headers);
            // the client's connection preface follows the 101; the response to the request that carried the
            // upgrade comes on stream 1 (RFC 7540 section 3.2)
            out.write(PREFACE);
            writeFrame(out, SETTINGS, 0, 0, SETTINGS_PAYLOAD);
            out.flush();
            return readResponse(in, out);
        }
    }

    /**
     * GET as HTTP/2 from the first byte. Returns null when the server does not take HTTP/2 with prior knowledge:
     * what it sends does not start with a SETTINGS frame (an HTTP/1.x error, for example) or it closes the connection.
     * Once it has sent its SETTINGS, everything that follows is checked as HTTP/2.
     */
    static Response priorKnowledge(URI uri) throws IOException {
        try (Socket socket = connect(uri)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(PREFACE);
            writeFrame(out, SETTINGS, 0, 0, SETTINGS_PAYLOAD);
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.write(0x82);                                   // :method GET (static index 2)
            block.write(0x86);                                   // :scheme http (static index 6)
            literal(block, 4, target(uri));                      // :path, literal without indexing
            literal(block, 1, authority(uri));                   // :authority
            writeFrame(out, HEADERS, END_HEADERS | END_STREAM, 1, block.toByteArray());
            out.flush();
            in.mark(16);
            byte[] start = new byte[9];
            if (in.readNBytes(start, 0, start.length) < start.length || start[3] != SETTINGS) return null;
            in.reset();
            return readResponse(in, out);
        }
    }

    /** Reads frames up to the end of stream 1, checking each against what RFC 7540 allows a server to send. */
    private static Response readResponse(DataInputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream headerBlock = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> seen = new ArrayList<>();
        long connectionWindow = WINDOW, streamWindow = WINDOW;
        boolean headersDone = false, continuation = false, trailers = false, endStream = false;
        for (int frame = 0; ; frame++) {
            byte[] head = new byte[9];
            try {
                in.readFully(head);
            } catch (EOFException e) {
                throw new AssertionError("connection closed before the end of stream 1; frames: " + seen, e);
            }
            int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
            int type = head[3] & 0xff, flags = head[4] & 0xff;
            int stream = (head[5] & 0x7f) << 24 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 8 | head[8] & 0xff;
            String where = "frame #" + frame + " (header " + hex(head) + ", after " + seen + ")";
            assertTrue(length <= MAX_FRAME_SIZE,
                    () -> where + ": length " + length + " exceeds SETTINGS_MAX_FRAME_SIZE " + MAX_FRAME_SIZE);
            byte[] payload = new byte[length];
            in.readFully(payload);
            seen.add(name(type) + "(" + stream + "," + length + ")");
            if (frame == 0) {
                assertTrue(type == SETTINGS && (flags & ACK) == 0 && stream == 0,
                        where + ": the server's connection preface must be a SETTINGS frame (RFC 7540 section 3.5)");
            }
            if (continuation) {
                assertTrue(type == CONTINUATION && stream == 1, where + ": a header block must continue at once");
            }
            switch (type) {
                case SETTINGS -> {
                    assertEquals(0, stream, where);
                    if ((flags & ACK) == 0) {
                        assertEquals(0, length % 6, where);
                        writeFrame(out, SETTINGS, ACK, 0, new byte[0]);
                        out.flush();
                    } else {
                        assertEquals(0, length, where);
                    }
                }
                case HEADERS, CONTINUATION -> {
                    assertEquals(1, stream, where + ": the response must come on stream 1");
                    if (type == HEADERS) {
                        trailers = headersDone;
                        endStream = (flags & END_STREAM) != 0;
                        assertTrue(!trailers || endStream, where + ": a second header block must end the stream");
                    }
                    int from = 0, to = length;
                    if (type == HEADERS && (flags & PADDED) != 0) {
                        from = 1;
                        to -= payload[0] & 0xff;
                    }
                    if (type == HEADERS && (flags & PRIORITY_FLAG) != 0) from += 5;
                    assertTrue(from <= to, where + ": padding longer than the frame");
                    if (!trailers) headerBlock.write(payload, from, to - from);
                    continuation = (flags & END_HEADERS) == 0;
                    headersDone = true;
                    if (endStream && !continuation) return h2(headerBlock, body, frame);
                }
                case DATA -> {
                    assertEquals(1, stream, where + ": the response must come on stream 1");
                    assertTrue(headersDone, where + ": DATA before the response headers");
                    connectionWindow -= length;
                    streamWindow -= length;
                    long cw = connectionWindow, sw = streamWindow;
                    assertTrue(cw >= 0 && sw >= 0,
                            () -> where + ": beyond the flow-control window (connection " + cw + ", stream " + sw + ")");
                    int from = 0, to = length;
                    if ((flags & PADDED) != 0) {
                        from = 1;
                        to -= payload[0] & 0xff;
                        assertTrue(from <= to, where + ": padding longer than the frame");
                    }
                    body.write(payload, from, to - from);
                    if ((flags & END_STREAM) != 0) return h2(headerBlock, body, frame);
                    if (length > 0) {   // give back what was consumed, as a reading client does
                        writeFrame(out, WINDOW_UPDATE, 0, 0, int32(length));
                        writeFrame(out, WINDOW_UPDATE, 0, 1, int32(length));
                        out.flush();
                        connectionWindow += length;
                        streamWindow += length;
                    }
                }
                case PING -> {
                    assertEquals(8, length, where);
                    if ((flags & ACK) == 0) {
                        writeFrame(out, PING, ACK, 0, payload);
                        out.flush();
                    }
                }
                case WINDOW_UPDATE, PRIORITY -> {
                }
                case RST_STREAM, GOAWAY -> fail(where + ": the server ended the exchange: " + hex(payload));
                case PUSH_PROMISE -> fail(where + ": push was disabled in SETTINGS");
                default -> {   // unknown frame types are ignored (RFC 7540 section 4.1)
                }
            }
        }
    }

    private static Response h2(ByteArrayOutputStream headerBlock, ByteArrayOutputStream body, int frame) {
        return new Response("h2c", status(headerBlock.toByteArray()), Map.of(), body.toByteArray(), frame + 1);
    }

    /**
     * The {@code :status} of the first response on a connection: the first field of its header block (pseudo-header
     * fields come first, RFC 7540 section 8.1.2.1), after any dynamic table size update. The dynamic table is still
     * empty, so the field is a static-table entry or a literal (RFC 7541 section 6), its value raw or Huffman-coded
     * digits.
     */
    static int status(byte[] block) {
        int[] pos = {0};
        while (pos[0] < block.length && (block[pos[0]] & 0xe0) == 0x20) integer(block, pos, 5);   // size update
        assertTrue(pos[0] < block.length, "empty header block");
        int first = block[pos[0]] & 0xff;
        if ((first & 0x80) != 0) {
            int index = integer(block, pos, 7);
            int[] statuses = {200, 204, 206, 304, 400, 404, 500};
            assertTrue(index >= 8 && index <= 14, "first header field is static entry " + index + ", not :status");
            return statuses[index - 8];
        }
        int nameIndex = integer(block, pos, (first & 0x40) != 0 ? 6 : 4);
        if (nameIndex == 0) {
            assertEquals(":status", new String(string(block, pos), StandardCharsets.US_ASCII));
        } else {
            assertTrue(nameIndex >= 8 && nameIndex <= 14, "first header field has name index " + nameIndex);
        }
        return Integer.parseInt(new String(string(block, pos), StandardCharsets.US_ASCII));
    }

    private static int integer(byte[] b, int[] pos, int prefix) {
        int max = (1 << prefix) - 1;
        int value = b[pos[0]++] & max;
        if (value < max) return value;
        for (int shift = 0; ; shift += 7) {
            int next = b[pos[0]++] & 0xff;
            value += (next & 0x7f) << shift;
            if ((next & 0x80) == 0) return value;
        }
    }

    /** A string literal; Huffman coding is decoded for the digits a status is made of (RFC 7541 appendix B). */
    private static byte[] string(byte[] b, int[] pos) {
        boolean huffman = (b[pos[0]] & 0x80) != 0;
        int length = integer(b, pos, 7);
        byte[] raw = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + length);
        pos[0] += length;
        if (!huffman) return raw;
        StringBuilder digits = new StringBuilder();
        long bits = 0;
        int count = 0;
        for (byte x : raw) {
            bits = bits << 8 | (x & 0xff);
            count += 8;
            while (count >= 5) {
                int five = (int) (bits >>> (count - 5)) & 0x1f;
                if (five <= 2) {                                   // '0' 00000, '1' 00001, '2' 00010
                    digits.append((char) ('0' + five));
                    count -= 5;
                } else if (count >= 6 && (bits >>> (count - 6) & 0x3f) >= 0x19 && (bits >>> (count - 6) & 0x3f) <= 0x1f) {
                    digits.append((char) ('3' + (int) ((bits >>> (count - 6) & 0x3f) - 0x19)));   // '3'..'9' 011001..
                    count -= 6;
                } else {
                    break;
                }
            }
        }
        assertTrue(count < 8 && (bits & ((1L << count) - 1)) == (1L << count) - 1,
                "Huffman-coded status value that is not digits: " + hex(raw));
        return digits.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Socket connect(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), (int) Eio.WAIT.toMillis());
        socket.setSoTimeout((int) Eio.WAIT.toMillis());
        return socket;
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 80 : uri.getPort();
    }

    private static String authority(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }

    private static String target(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        writeInteger(block, 0x00, 4, nameIndex);
        writeInteger(block, 0x00, 7, v.length);
        block.writeBytes(v);
    }

    private static void writeInteger(ByteArrayOutputStream out, int bits, int prefix, int value) {
        int max = (1 << prefix) - 1;
        if (value < max) {
            out.write(bits | value);
            return;
        }
        out.write(bits | max);
        for (value -= max; value >= 0x80; value >>>= 7) out.write(value & 0x7f | 0x80);
        out.write(value);
    }

    private static void writeFrame(OutputStream out, int type, int flags, int stream, byte[] payload)
            throws IOException {
        int n = payload.length;
        out.write(new byte[]{(byte) (n >>> 16), (byte) (n >>> 8), (byte) n, (byte) type, (byte) flags,
                (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
        out.write(payload);
    }

    private static byte[] int32(int v) {
        return new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static String line(DataInputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c == -1) throw new EOFException("connection closed in the HTTP/1.1 head: " + b);
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static Map<String, String> http1Headers(DataInputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l; !(l = line(in)).isEmpty(); ) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static int http1Status(String statusLine) {
        assertTrue(statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?"), "not an HTTP/1.1 status line: " + statusLine);
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    private static byte[] http1Body(DataInputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        assertTrue(length != null, "an HTTP/1.1 answer without a length: " + headers);
        byte[] body = in.readNBytes(Integer.parseInt(length));
        assertEquals(Integer.parseInt(length), body.length, "connection closed in the body");
        return body;
    }

    private static String name(int type) {
        String[] names = {"DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE", "PING", "GOAWAY",
                "WINDOW_UPDATE", "CONTINUATION"};
        return type < names.length ? names[type] : "type" + type;
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 64); i++) s.append(String.format("%02x", b[i] & 0xff));
        return b.length > 64 ? s + "…" : s.toString();
    }
}
