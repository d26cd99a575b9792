package dev.tidewire.internal.jakarta;

import jakarta.websocket.Extension;
import org.glassfish.tyrus.core.TyrusExtension;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tidewire's permessage-deflate for Tyrus, container-free: the negotiation (RFC 7692 with {@link UndertowDeflate}'s
 * rules), and frames through real {@link Deflater}/{@link Inflater} round trips, the threshold and the inflated-size
 * bound included.
 */
class TyrusDeflateTest {
    private static final int THRESHOLD = 1024;
    private static final int MAX = 10_000;
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final ExtendedExtension.ExtensionContext CONTEXT = new ExtendedExtension.ExtensionContext() {
        private final Map<String, Object> properties = new HashMap<>();

        public Map<String, Object> getProperties() {
            return properties;
        }
    };

    private final TyrusDeflate.Installed installed = new TyrusDeflate.Installed(THRESHOLD, MAX);

    /** The offers of one {@code Sec-WebSocket-Extensions} header, parsed as Tyrus parses them. */
    private static List<Extension> offers(String header) {
        return TyrusExtension.fromString(List.of(header));
    }

    private TyrusDeflate.Connection negotiated(String header) {
        Extension e = installed.negotiate(offers(header));
        assertNotNull(e, header);
        return assertInstanceOf(TyrusDeflate.Connection.class, e);
    }

    private static List<String> names(List<Extension.Parameter> parameters) {
        return parameters.stream().map(p -> p.getName() + (p.getValue() == null ? "" : "=" + p.getValue())).toList();
    }

    private static String response(TyrusDeflate.Connection c) {
        return String.join("; ", names(c.onExtensionNegotiation(CONTEXT, null)));
    }

    // ---- negotiation

    @Test
    void aPlainOfferIsAcceptedWithoutParameters() {
        assertEquals("", response(negotiated("permessage-deflate")));
        assertEquals("", response(negotiated("permessage-deflate; client_max_window_bits")));
        assertEquals("", response(negotiated("permessage-deflate; server_max_window_bits=15")));
        assertEquals("", response(negotiated("permessage-deflate; client_max_window_bits=10")));
    }

    @Test
    void noContextTakeoverIsAcceptedAndEchoed() {
        assertEquals("server_no_context_takeover", response(negotiated("permessage-deflate; server_no_context_takeover")));
        assertEquals("client_no_context_takeover", response(negotiated("permessage-deflate; client_no_context_takeover")));
        assertEquals("server_no_context_takeover; client_no_context_takeover", response(
                negotiated("permessage-deflate; server_no_context_takeover; client_no_context_takeover")));
    }

    @Test
    void anOfferNarrowingTheServerWindowIsDeclinedAndTheNextOneTaken() {
        assertNull(installed.negotiate(offers("permessage-deflate; server_max_window_bits=10")));
        assertNull(installed.negotiate(offers("permessage-deflate; server_max_window_bits=8")));
        assertEquals("client_no_context_takeover", response(negotiated(
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover")));
    }

    @Test
    void invalidOffersAreDeclined() {
        assertNull(installed.negotiate(offers("permessage-deflate; unknown_parameter")));
        assertNull(installed.negotiate(offers("permessage-deflate; server_no_context_takeover=yes")));
        assertNull(installed.negotiate(offers("permessage-deflate; client_max_window_bits=16")));
        assertNull(installed.negotiate(offers("permessage-deflate; client_max_window_bits=x")));
        assertNull(installed.negotiate(offers("permessage-deflate; server_max_window_bits")));
        assertNull(installed.negotiate(offers(
                "permessage-deflate; server_no_context_takeover; server_no_context_takeover")));
        assertNull(installed.negotiate(offers("x-webkit-deflate-frame")));
        assertNull(installed.negotiate(List.of()));
        assertNull(installed.negotiate(null));
    }

    @Test
    void eachHandshakeGetsItsOwnConnection() {
        assertFalse(negotiated("permessage-deflate") == negotiated("permessage-deflate"));
        assertEquals("permessage-deflate", installed.getName());
        assertEquals(List.of(), installed.getParameters());
    }

    @Test
    void theConfiguratorListsTheNegotiatedConnectionAndLeavesTheRestToTheContainer() {
        Extension other = new TyrusExtension("x-other");
        List<Extension> requested = offers("x-other, permessage-deflate; server_max_window_bits=9, permessage-deflate");
        List<Extension> result = RegisteredEndpointUpgrade.negotiate(List.of(installed, other), requested,
                (rest, req) -> {
                    assertEquals(List.of(other), rest);
                    assertSame(requested, req);
                    return List.of(other);
                });
        assertEquals(2, result.size());
        assertInstanceOf(TyrusDeflate.Connection.class, result.get(0));
        assertSame(other, result.get(1));
        assertEquals(List.of(), RegisteredEndpointUpgrade.negotiate(List.of(installed),
                offers("permessage-deflate; server_max_window_bits=9"), (rest, req) -> {
                    throw new AssertionError("no other extension to negotiate");
                }));
    }

    // ---- outbound

    private static Frame text(byte[] payload, boolean fin, boolean first) {
        return Frame.builder().fin(fin).opcode(first ? (byte) 1 : (byte) 0).payloadData(payload).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a client does with a compressed message: append the tail and inflate (here with its own inflater). */
    private static byte[] clientInflate(Inflater inflater, byte[] payload) throws Exception {
        byte[] in = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(TAIL, 0, in, payload.length, 4);
        inflater.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = inflater.inflate(buffer)) > 0) out.write(buffer, 0, n);
        return out.toByteArray();
    }

    @Test
    void aMessageBelowTheThresholdGoesUncompressed() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] small = bytes("42[\"message-back\",\"small\"]");
        Frame out = c.processOutgoing(CONTEXT, text(small, true, true));
        assertFalse(out.isRsv1());
        assertArrayEquals(small, out.getPayloadData());
        byte[] justBelow = new byte[THRESHOLD - 1];
        Frame below = c.processOutgoing(CONTEXT, text(justBelow, true, true));
        assertFalse(below.isRsv1());
        assertEquals(THRESHOLD - 1, below.getPayloadLength());
    }

    @Test
    void aMessageAtTheThresholdIsCompressedWithRsv1AndEachMessageInflatesOnItsOwn() throws Exception {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] big = bytes("42[\"message-back\",\"" + "x".repeat(3000) + "\"]");
        for (int i = 0; i < 3; i++) {
            Frame out = c.processOutgoing(CONTEXT, text(big, true, true));
            assertTrue(out.isRsv1());
            assertTrue(out.isFin());
            assertEquals(1, out.getOpcode());
            assertTrue(out.getPayloadLength() < 200, "compressed to " + out.getPayloadLength());
            assertEquals(out.getPayloadData().length, out.getPayloadLength());
            assertFalse(Arrays.equals(TAIL, Arrays.copyOfRange(out.getPayloadData(),
                    out.getPayloadData().length - 4, out.getPayloadData().length)), "the sync tail is removed");
            // a fresh inflater per message: the server keeps no context between messages
            assertArrayEquals(big, clientInflate(new Inflater(true), out.getPayloadData()));
        }
        byte[] exact = new byte[THRESHOLD];
        Frame at = c.processOutgoing(CONTEXT, text(exact, true, true));
        assertTrue(at.isRsv1());
        assertArrayEquals(exact, clientInflate(new Inflater(true), at.getPayloadData()));
    }

    @Test
    void binaryIsCompressedToo() throws Exception {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] data = new byte[5000];
        new Random(7).nextBytes(data);
        Frame out = c.processOutgoing(CONTEXT,
                Frame.builder().fin(true).opcode((byte) 2).payloadData(data).build());
        assertTrue(out.isRsv1());
        assertEquals(2, out.getOpcode());
        assertArrayEquals(data, clientInflate(new Inflater(true), out.getPayloadData()));
    }

    @Test
    void aFragmentedMessageIsCompressedWholeWithRsv1OnItsFirstFrameOnly() throws Exception {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] part1 = bytes("a".repeat(100));
        byte[] part2 = bytes("b".repeat(100));
        Frame f1 = c.processOutgoing(CONTEXT, text(part1, false, true));
        Frame f2 = c.processOutgoing(CONTEXT, text(part2, true, false));
        assertTrue(f1.isRsv1());
        assertFalse(f2.isRsv1());
        assertEquals(0, f2.getOpcode());
        byte[] joined = Arrays.copyOf(f1.getPayloadData(), f1.getPayloadData().length + f2.getPayloadData().length);
        System.arraycopy(f2.getPayloadData(), 0, joined, f1.getPayloadData().length, f2.getPayloadData().length);
        assertEquals("a".repeat(100) + "b".repeat(100),
                new String(clientInflate(new Inflater(true), joined), StandardCharsets.UTF_8));
        // the next small message is below the threshold again
        assertFalse(c.processOutgoing(CONTEXT, text(bytes("small"), true, true)).isRsv1());
    }

    @Test
    void controlFramesPassUntouched() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        Frame ping = Frame.builder().fin(true).opcode((byte) 9).payloadData(new byte[2000]).build();
        assertSame(ping, c.processOutgoing(CONTEXT, ping));
        assertSame(ping, c.processIncoming(CONTEXT, ping));
    }

    // ---- inbound

    /** A client's compressor: a message compressed with a sync flush, tail removed; its context kept unless reset. */
    private static byte[] clientDeflate(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        byte[] b = out.toByteArray();
        return Arrays.copyOf(b, b.length - 4);
    }

    private static Frame compressed(byte[] payload, boolean fin, boolean first) {
        return Frame.builder().fin(fin).rsv1(first).opcode(first ? (byte) 1 : (byte) 0).payloadData(payload).build();
    }

    @Test
    void compressedMessagesAreInflatedWithTheClientsContextKept() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        Deflater client = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] message = bytes("42[\"message\",\"" + "é€".repeat(500) + "\"]");
        for (int i = 0; i < 3; i++) { // later messages refer back to earlier ones (context takeover)
            Frame in = c.processIncoming(CONTEXT, compressed(clientDeflate(client, message), true, true));
            assertFalse(in.isRsv1());
            assertEquals(1, in.getOpcode());
            assertArrayEquals(message, in.getPayloadData());
            assertEquals(message.length, in.getPayloadLength());
        }
        Frame plain = text(bytes("42[\"small\"]"), true, true); // a client may leave any message uncompressed
        assertArrayEquals(bytes("42[\"small\"]"), c.processIncoming(CONTEXT, plain).getPayloadData());
    }

    @Test
    void aClientThatResetsItsContextIsInflatedMessageByMessage() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate; client_no_context_takeover");
        byte[] message = bytes("x".repeat(2000));
        for (int i = 0; i < 3; i++) {
            Deflater fresh = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            assertArrayEquals(message, c.processIncoming(CONTEXT,
                    compressed(clientDeflate(fresh, message), true, true)).getPayloadData());
        }
    }

    @Test
    void aCompressedMessageInSeveralFramesIsInflatedFrameByFrame() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] message = bytes("y".repeat(3000) + "z".repeat(3000));
        byte[] all = clientDeflate(new Deflater(Deflater.DEFAULT_COMPRESSION, true), message);
        int half = all.length / 2;
        Frame f1 = c.processIncoming(CONTEXT, compressed(Arrays.copyOf(all, half), false, true));
        Frame f2 = c.processIncoming(CONTEXT, compressed(Arrays.copyOfRange(all, half, all.length), true, false));
        assertFalse(f1.isRsv1());
        assertFalse(f2.isRsv1());
        byte[] joined = Arrays.copyOf(f1.getPayloadData(), f1.getPayloadData().length + f2.getPayloadData().length);
        System.arraycopy(f2.getPayloadData(), 0, joined, f1.getPayloadData().length, f2.getPayloadData().length);
        assertArrayEquals(message, joined);
    }

    @Test
    void aMessageInflatingToTheLimitPasses() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] atLimit = new byte[MAX];
        Frame in = c.processIncoming(CONTEXT,
                compressed(clientDeflate(new Deflater(9, true), atLimit), true, true));
        assertEquals(1, in.getOpcode());
        assertEquals(MAX, in.getPayloadLength());
    }

    private static int closeCode(Frame f) {
        assertEquals(8, f.getOpcode(), "a close frame");
        byte[] p = f.getPayloadData();
        return ((p[0] & 0xff) << 8) | (p[1] & 0xff);
    }

    @Test
    void aSmallFrameInflatingPastTheLimitClosesWith1009WithoutInflatingIt() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] bomb = clientDeflate(new Deflater(9, true), new byte[50_000_000]); // about 50 KB
        assertTrue(bomb.length < 100_000);
        Frame in = c.processIncoming(CONTEXT, compressed(bomb, true, true));
        assertEquals(TyrusDeflate.TOO_BIG, closeCode(in));
        assertTrue(in.getPayloadLength() < 200);
        // whatever follows on the connection is not inflated either
        assertEquals(TyrusDeflate.TOO_BIG, closeCode(c.processIncoming(CONTEXT,
                compressed(clientDeflate(new Deflater(9, true), new byte[10]), true, true))));
    }

    @Test
    void theLimitCountsTheWholeMessageAcrossItsFrames() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        Deflater client = new Deflater(9, true);
        // two frames of 6000 inflated bytes each: each under the limit, the message over it
        client.setInput(new byte[6000]);
        byte[] buffer = new byte[100_000];
        int n1 = client.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        Frame f1 = c.processIncoming(CONTEXT, compressed(Arrays.copyOf(buffer, n1), false, true));
        assertEquals(6000, f1.getPayloadLength());
        byte[] rest = clientDeflate(client, new byte[6000]);
        assertEquals(TyrusDeflate.TOO_BIG, closeCode(c.processIncoming(CONTEXT, compressed(rest, true, false))));
    }

    @Test
    void corruptDataClosesWith1007() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12, 0x34};
        assertEquals(TyrusDeflate.INVALID_DATA, closeCode(c.processIncoming(CONTEXT, compressed(garbage, true, true))));
    }

    @Test
    void destroyFreesTheNativeStreams() {
        TyrusDeflate.Connection c = negotiated("permessage-deflate");
        c.destroy(CONTEXT);
        // ended streams refuse work: the deflater is gone
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> c.processOutgoing(CONTEXT, text(new byte[THRESHOLD], true, true)));
    }

    // ---- detection

    @Test
    void tyrusIsRecognisedByItsClassesAndUsableOnlyWhereTheApplicationSeesTheContainersApi() {
        assertTrue(Containers.isTyrus(new TyrusExtension("x")));
        assertTrue(Containers.isTyrus(new TyrusExtension("x") { }));
        assertFalse(Containers.isTyrus(new Object()));
        ClassLoader here = TyrusDeflateTest.class.getClassLoader();
        assertTrue(WebSocketCompression.tyrusUsable(here, here));
        ClassLoader without = new ClassLoader(null) { }; // sees only the JDK
        assertFalse(WebSocketCompression.tyrusUsable(without, here));
        assertFalse(WebSocketCompression.tyrusUsable(here, without));
    }
}
