package dev.tidewire.internal.redis;

import dev.tidewire.server.cluster.ClusterMessage;
import dev.tidewire.server.BroadcastOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MsgPackCodec} against bytes that the reference's MessagePack library ({@code notepack.io} 3.0.1, under
 * {@code @socket.io/redis-adapter} 8.3.0) wrote for the same values: Tidewire writes the same bytes, and reads
 * the reference's.
 */
class MsgPackCodecTest {
    /** notepack.encode(["Ab3xYz", {type: 2, data: [...], nsp: "/chat"}, {rooms, except, flags}]), see below. */
    private static final String BROADCAST = "93a641623378597a83a47479706502a4646174619ba568656c6c6f01cd012cf9d1ff38cb3ff8"
            + "000000000000c0c3d92878787878787878787878787878787878787878787878787878787878787878787878787878787878c403"
            + "01020381a16ba176a36e7370a52f6368617483a5726f6f6d7391a27231a665786365707491a27331a5666c61677382a8766f6c61"
            + "74696c65c3a774696d656f7574cd1388";
    /** notepack.encode({type: 9, requestId: "req1", packet: {n: 4294967296, bin: Buffer.from([255])}}). */
    private static final String BROADCAST_ACK = "83a47479706509a9726571756573744964a472657131a67061636b657482a16ecf00000001"
            + "00000000a362696ec401ff";
    /** notepack.encode([new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), new Uint8Array([9, 8]), undefined]). */
    private static final String NODE_VALUES = "93d7ffa1a5d60065937d25c4020908c0";

    private static List<Object> eventData() {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("k", "v");
        return new ArrayList<>(Arrays.asList("hello", 1L, 300, -7, -200L, 1.5, null, true, "x".repeat(40),
                new byte[]{1, 2, 3}, k));
    }

    @Test
    void aBroadcastIsWrittenByteForByteAsTheReferenceWritesIt() {
        BroadcastOptions options = new BroadcastOptions(Set.of("r1"), Set.of("s1"), true, false, 5000);
        List<Object> message = List.of("Ab3xYz", ClusterMessage.eventPacket(eventData(), "/chat"),
                options.toWire());
        assertEquals(BROADCAST, HexFormat.of().formatHex(MsgPackCodec.encode(message)));
    }

    @Test
    void theReferencesBroadcastIsReadBack() {
        List<?> message = (List<?>) MsgPackCodec.decode(HexFormat.of().parseHex(BROADCAST));
        assertEquals("Ab3xYz", message.get(0));
        Map<?, ?> packet = (Map<?, ?>) message.get(1);
        assertEquals(2L, packet.get("type"));
        assertEquals("/chat", WireShapes.namespaceOf(packet));
        List<Object> data = WireShapes.eventData(packet);
        assertEquals(List.of("hello", 1L, 300L, -7L, -200L, 1.5), data.subList(0, 6));
        assertNull(data.get(6));
        assertEquals(true, data.get(7));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) data.get(9), "a Buffer is binary");
        assertEquals(Map.of("k", "v"), data.get(10));
        assertEquals(new BroadcastOptions(Set.of("r1"), Set.of("s1"), true, false, 5000),
                WireShapes.options(message.get(2)));
    }

    @Test
    void aBroadcastAckIsWrittenAndReadAsTheReferenceDoes() {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("n", 4_294_967_296L);
        packet.put("bin", new byte[]{(byte) 255});
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", RequestType.BROADCAST_ACK.code());
        ack.put("requestId", "req1");
        ack.put("packet", packet);
        assertEquals(BROADCAST_ACK, HexFormat.of().formatHex(MsgPackCodec.encode(ack)));
        Map<?, ?> read = (Map<?, ?>) MsgPackCodec.decode(HexFormat.of().parseHex(BROADCAST_ACK));
        assertEquals(RequestType.BROADCAST_ACK, RequestType.of(read.get("type")));
        assertEquals(4_294_967_296L, ((Map<?, ?>) read.get("packet")).get("n"));
    }

    @Test
    void nodeOnlyValuesAreReadAsANodeClientWouldSeeThem() {
        List<?> values = (List<?>) MsgPackCodec.decode(HexFormat.of().parseHex(NODE_VALUES));
        assertEquals("2024-01-02T03:04:05.678Z", values.get(0), "a Date: its JSON text");
        assertArrayEquals(new byte[]{9, 8}, (byte[]) values.get(1), "a typed array: binary");
        assertNull(values.get(2), "undefined: null");
    }

    /** Read as the MessagePack parser reads a client's, so a handler sees the same types whichever way a value came. */
    @Test
    void valuesAreReadAsTheMessagePackParserReadsThem() {
        // [1.0, 1.5, {"a": undefined, "b": 1}, ext 5 of one byte]
        List<?> values = (List<?>) MsgPackCodec.decode(HexFormat.of().parseHex(
                "94" + "cb3ff0000000000000" + "cb3ff8000000000000" + "82a161d40000a16201" + "d4052a"));
        assertEquals(1L, values.get(0), "a whole number is a Long, as JavaScript has one number type");
        assertEquals(1.5, values.get(1));
        assertEquals(Map.of("b", 1L), values.get(2), "an undefined property is left out, as JSON.stringify does");
        List<?> unknown = (List<?>) values.get(3);
        assertEquals(5L, unknown.get(0), "another extension: [type, bytes]");
        assertArrayEquals(new byte[]{42}, (byte[]) unknown.get(1));
        assertEquals("cb3ff8000000000000", HexFormat.of().formatHex(MsgPackCodec.encode(1.5)));
        assertEquals("01", HexFormat.of().formatHex(MsgPackCodec.encode(1.0)), "a whole double: an integer, as notepack");
    }

    @Test
    void theLargestUnsignedIntegerIsReadAsTheNumberJavaScriptWouldMakeOfIt() {
        byte[] max = HexFormat.of().parseHex("cfffffffffffffffff");
        assertEquals(1.8446744073709552E19, MsgPackCodec.decode(max));
    }

    @Test
    void malformedInputIsRefusedWithoutAllocatingWhatItClaims() {
        for (String hex : List.of("", "c1", "93a1", "9301", "91c0c0", "dd7fffffff", "c67fffffff", "db7fffffff41",
                "df7fffffff", "c7ff0500")) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> MsgPackCodec.decode(bytes),
                    hex);
            assertTrue(e.getStackTrace().length == 0, "a one-line log message, not a stack trace");
        }
    }

    @Test
    void deepNestingIsRefused() {
        byte[] deep = new byte[2000];
        Arrays.fill(deep, (byte) 0x91); // [[[[...
        assertThrows(MalformedMessageException.class, () -> MsgPackCodec.decode(deep));
    }

    @Test
    void onlyJsonValuesAreWritten() {
        assertThrows(IllegalArgumentException.class, () -> MsgPackCodec.encode(List.of(new Object())));
    }
}
