package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.parser.SioPacketType.*;
import static org.junit.jupiter.api.Assertions.*;

/** Whatever the encoder writes, the decoder reads back as the same packet. */
class SioRoundTripTest {

    private static SioPacket roundTrip(SioPacket packet) throws SioParseException {
        List<Packet> frames = SioEncoder.encode(packet);
        SioDecoder decoder = new SioDecoder(ParserLimits.DEFAULTS);
        SioPacket result = decoder.decodeText(frames.get(0).text());
        for (int i = 1; i < frames.size(); i++) {
            assertNull(result, "completed before all attachments");
            // the wire carries bytes: decode from a copy, as a transport would deliver them
            result = decoder.decodeBinary(frames.get(i).binary().clone());
        }
        assertNotNull(result);
        return result;
    }

    private static void assertRoundTrips(SioPacket packet) throws SioParseException {
        assertEquals(packet, roundTrip(packet));
    }

    @Test
    void connectWithAndWithoutAuth() throws Exception {
        assertRoundTrips(new SioPacket(CONNECT, "/", -1, null));
        assertRoundTrips(new SioPacket(CONNECT, "/admin", -1, Map.of("token", "123")));
    }

    @Test
    void disconnect() throws Exception {
        assertRoundTrips(new SioPacket(DISCONNECT, "/admin", -1, null));
    }

    @Test
    void connectError() throws Exception {
        assertRoundTrips(new SioPacket(CONNECT_ERROR, "/x", -1, Map.of("message", "no", "data", Map.of("c", 1L))));
        assertRoundTrips(new SioPacket(CONNECT_ERROR, "/", -1, "plain"));
    }

    @Test
    void eventWithEveryJsonType() throws Exception {
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("s", "str");
        obj.put("l", 42L);
        obj.put("d", 2.5);
        obj.put("t", true);
        obj.put("n", null);
        obj.put("nested", List.of(List.of(), Map.of()));
        List<Object> args = new ArrayList<>(List.of("everything", obj));
        args.add(null);
        assertRoundTrips(new SioPacket(EVENT, "/chat", 99, args));
    }

    @Test
    void ack() throws Exception {
        assertRoundTrips(new SioPacket(ACK, "/", 0, List.of()));
        assertRoundTrips(new SioPacket(ACK, "/admin", 2147483647, List.of("ok", 1L)));
    }

    @Test
    void multibyteAndEmojiSurviveTheUtf8Wire() throws Exception {
        SioPacket packet = new SioPacket(EVENT, "/ünï", -1, List.of("msg", "héllo 日本語 😀 \u2028", Map.of("🔑", "v")));
        String text = SioEncoder.encode(packet).get(0).text();
        String overTheWire = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(packet, new SioDecoder(ParserLimits.DEFAULTS).decodeText(overTheWire));
    }

    @Test
    void controlCharactersAndQuotes() throws Exception {
        assertRoundTrips(new SioPacket(EVENT, "/", -1, List.of("e", "\"\\\u0000\u001f\n/")));
    }

    @Test
    void binaryEventBecomesBinaryEventWithBytes() throws Exception {
        SioPacket result = roundTrip(new SioPacket(EVENT, "/files", 4,
                List.of("upload", Map.of("name", "a.bin", "data", new byte[]{1, 2, 3}), new byte[]{4})));
        assertEquals(BINARY_EVENT, result.type());
        assertEquals("/files", result.namespace());
        assertEquals(4, result.ackId());
        List<?> args = (List<?>) result.data();
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) ((Map<?, ?>) args.get(1)).get("data"));
        assertArrayEquals(new byte[]{4}, (byte[]) args.get(2));
    }

    @Test
    void binaryAckBecomesBinaryAckWithBytes() throws Exception {
        SioPacket result = roundTrip(new SioPacket(ACK, "/", 8, List.of(new byte[0])));
        assertEquals(BINARY_ACK, result.type());
        assertArrayEquals(new byte[0], (byte[]) ((List<?>) result.data()).get(0));
    }

    @Test
    void numbersKeepTheirValue() throws Exception {
        SioPacket result = roundTrip(new SioPacket(EVENT, "/", -1,
                List.of("n", 1.0, 0.1, 1e-7, 1e21, Long.MIN_VALUE, -0.5)));
        assertEquals(List.of("n", 1L, 0.1, 1e-7, 1e21, Long.MIN_VALUE, -0.5), result.data());
    }
}
