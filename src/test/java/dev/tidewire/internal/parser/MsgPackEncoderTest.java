package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static dev.tidewire.internal.parser.MsgPackMessages.hex;
import static dev.tidewire.internal.parser.MsgPackMessages.pack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MsgPackEncoder} with {@link MsgPackWriter}: the packet map, and the Java values it writes as the JavaScript
 * values a client of the default parser would get (the bytes of their plain form, written with msgpack-core).
 */
class MsgPackEncoderTest {
    private static byte[] event(Object... args) {
        return MsgPackEncoder.encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK,
                new ArrayList<>(Arrays.asList(args))), JsonFallback.REJECT);
    }

    /** The bytes of an EVENT on / with these plain arguments, written with msgpack-core. */
    private static byte[] plainEvent(Object... args) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", 2);
        p.put("data", Arrays.asList(args));
        p.put("nsp", "/");
        return pack(p);
    }

    private static void assertWrittenAs(Object plain, Object value) {
        assertEquals(hex(plainEvent("e", plain)), hex(event("e", value)), () -> value + " (" + value.getClass() + ")");
    }

    @Test
    void theKeysAndWhatIsLeftOut() {
        Map<String, Object> disconnect = new LinkedHashMap<>();
        disconnect.put("type", 1);
        disconnect.put("nsp", "/chat");
        assertEquals(hex(pack(disconnect)), hex(MsgPackEncoder.encode(
                new SioPacket(SioPacketType.DISCONNECT, "/chat", SioPacket.NO_ACK, null), null)), "no data, no id");
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", 3);
        ack.put("data", List.of());
        ack.put("nsp", "/");
        ack.put("id", 0);
        assertEquals(hex(pack(ack)), hex(MsgPackEncoder.encode(
                new SioPacket(SioPacketType.ACK, "/", 0, List.of()), null)), "ack id 0 is an id");
    }

    @Test
    void binaryPacketTypesAreThePlainOnesOnThisWire() {
        byte[] binary = MsgPackEncoder.encode(new SioPacket(SioPacketType.BINARY_ACK, "/", 3, List.of(new byte[]{1})), null);
        byte[] plain = MsgPackEncoder.encode(new SioPacket(SioPacketType.ACK, "/", 3, List.of(new byte[]{1})), null);
        assertArrayEquals(plain, binary);
    }

    @Test
    void onePacketIsOneBinaryEngineMessage() {
        List<Packet> packets = SioParser.MSGPACK.encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK,
                List.of("x", new byte[]{1}, new byte[]{2})), null);
        assertEquals(1, packets.size(), "binary in place: no attachments");
        assertTrue(packets.get(0).isBinary(), packets.toString());
    }

    @Test
    void numbersAsJavaScriptHasThem() {
        assertWrittenAs(5L, 5);
        assertWrittenAs(5L, (short) 5);
        assertWrittenAs(5L, (byte) 5);
        assertWrittenAs(5L, new AtomicLong(5));
        assertWrittenAs(5L, BigInteger.valueOf(5));
        assertWrittenAs(5L, 5.0);
        assertWrittenAs(5L, new BigDecimal("5.00"));
        assertWrittenAs(0L, -0.0);
        assertWrittenAs(2.5, 2.5f);
        assertWrittenAs(0.1, 0.1f); // the float's own digits, as the default parser writes them: not 0.10000000149...
        assertWrittenAs(0.1, new BigDecimal("0.1"));
        assertWrittenAs(Math.pow(2, 64), BigInteger.TWO.pow(64)); // past long's range: the nearest double
        assertWrittenAs(1e300, 1e300);
        assertWrittenAs(Double.NaN, Double.NaN);
        assertWrittenAs(Long.MIN_VALUE, (double) Long.MIN_VALUE);
        assertWrittenAs(0x1p63, 0x1p63);
    }

    @Test
    void textEnumsOptionalsAndArraysAsTheDefaultParserWritesThem() {
        assertWrittenAs("sb", new StringBuilder("sb"));
        assertWrittenAs("c", 'c');
        assertWrittenAs("chars", "chars".toCharArray());
        assertWrittenAs("EVENT", SioPacketType.EVENT);
        assertWrittenAs(null, Optional.empty());
        assertWrittenAs("x", Optional.of("x"));
        assertWrittenAs(3L, OptionalInt.of(3));
        assertWrittenAs(null, OptionalDouble.empty());
        assertWrittenAs(List.of(1L, 2L), new int[]{1, 2});
        assertWrittenAs(List.of(1L, 2.5), new double[]{1, 2.5});
        assertWrittenAs(List.of(true, false), new boolean[]{true, false});
        assertWrittenAs(List.of("a", 1L), new Object[]{"a", 1});
        assertWrittenAs(List.of("a", "b"), new LinkedHashSet<>(List.of("a", "b")));
        assertWrittenAs("2024-01-02", LocalDate.of(2024, 1, 2));
        assertWrittenAs(Map.of("1", "one"), new ConcurrentHashMap<>(Map.of(1, "one")));
    }

    @Test
    void jsonValuesAsTheirJavaScriptValues() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("a", 1L);
        plain.put("s", "x");
        plain.put("f", 2.5);
        plain.put("arr", Arrays.asList(true, null));
        assertWrittenAs(plain, Json.createObjectBuilder().add("a", 1).add("s", "x").add("f", 2.5)
                .add("arr", Json.createArrayBuilder().add(true).addNull()).build());
        assertWrittenAs(5L, Json.createValue(new BigDecimal("5.0")));
    }

    @Test
    void binaryInPlaceAndAByteBuffersRemainingBytes() {
        assertWrittenAs(new byte[]{1, 2, 3}, new byte[]{1, 2, 3});
        ByteBuffer buffer = ByteBuffer.wrap(new byte[]{9, 1, 2, 3, 9}, 1, 3);
        assertWrittenAs(new byte[]{1, 2, 3}, buffer);
        assertEquals(1, buffer.position(), "the caller's buffer is left as it was");
        ByteBuffer direct = ByteBuffer.allocateDirect(2).put(new byte[]{4, 5}).flip();
        assertWrittenAs(new byte[]{4, 5}, direct);
    }

    @Test
    void instantsAreNotepackDatesToTheMillisecond() {
        byte[] written = event("e", new Date(1_700_000_000_123L));
        byte[] plain = MsgPackMessages.raw(out -> {
            out.packMapHeader(3);
            out.packString("type").packInt(2);
            out.packString("data").packArrayHeader(2).packString("e")
                    .packExtensionTypeHeader((byte) 0, 8).writePayload(hex("0000018bcfe5687b"));
            out.packString("nsp").packString("/");
        });
        assertEquals(hex(plain), hex(written));
        assertEquals(hex(plain), hex(event("e", java.time.Instant.ofEpochSecond(1_700_000_000L, 123_456_789))),
                "a Date holds milliseconds");
    }

    @Test
    void anApplicationTypeGoesThroughTheFallbackAsJson() {
        record Point(int x, int y) {
        }
        byte[] written = MsgPackEncoder.encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK,
                List.of("e", new Point(1, 2))), value -> "{\"x\":1,\"y\":[2.5,null]}");
        Map<String, Object> inJsonOrder = new LinkedHashMap<>(); // compared as bytes: the order of keys matters
        inJsonOrder.put("x", 1L);
        inJsonOrder.put("y", Arrays.asList(2.5, null));
        assertEquals(hex(plainEvent("e", inJsonOrder)), hex(written));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> event("e", new Point(1, 2)));
        assertTrue(refused.getMessage().contains("Point"), refused.getMessage());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> MsgPackEncoder.encode(
                new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e", new Point(1, 2))), v -> "{oops"));
        assertTrue(invalid.getMessage().contains("invalid JSON"), invalid.getMessage());
    }

    @Test
    void aCycleOrAnInvalidPacketIsRefused() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> event("e", cyclic));
        assertThrows(IllegalArgumentException.class, () -> MsgPackEncoder.encode(
                new SioPacket(SioPacketType.EVENT, "chat", SioPacket.NO_ACK, List.of("e")), null));
        assertThrows(IllegalArgumentException.class, () -> MsgPackEncoder.encode(
                new SioPacket(SioPacketType.EVENT, "/", -2, List.of("e")), null));
    }

    @Test
    void whatTheEncoderWritesTheDecoderReadsBack() throws Exception {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("token", "t");
        auth.put("n", 1L);
        List<SioPacket> packets = List.of(
                new SioPacket(SioPacketType.CONNECT, "/admin", SioPacket.NO_ACK, auth),
                new SioPacket(SioPacketType.EVENT, "/", 5, List.of("e", 1L, 2.5, "s", true, Map.of("k", List.of()))),
                new SioPacket(SioPacketType.ACK, "/x", 9, List.of()),
                new SioPacket(SioPacketType.DISCONNECT, "/", SioPacket.NO_ACK, null));
        MsgPackDecoder decoder = new MsgPackDecoder(ParserLimits.DEFAULTS);
        for (SioPacket p : packets) assertEquals(p, decoder.decodeBinary(MsgPackEncoder.encode(p, null)));
    }
}
