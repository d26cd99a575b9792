package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePacker;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.parser.MsgPackMessages.hex;
import static dev.tidewire.internal.parser.MsgPackMessages.pack;
import static dev.tidewire.internal.parser.MsgPackMessages.raw;
import static dev.tidewire.internal.parser.SioPacketType.ACK;
import static dev.tidewire.internal.parser.SioPacketType.CONNECT;
import static dev.tidewire.internal.parser.SioPacketType.CONNECT_ERROR;
import static dev.tidewire.internal.parser.SioPacketType.DISCONNECT;
import static dev.tidewire.internal.parser.SioPacketType.EVENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MsgPackDecoder}: the packets of socket.io-msgpack-parser clients, the Java values they become (those of the
 * default parser), and the refusal of everything malformed or over a limit, with a message that says why.
 */
class MsgPackDecoderTest {
    private final MsgPackDecoder decoder = new MsgPackDecoder(ParserLimits.DEFAULTS);

    private SioPacket decode(byte[] message) throws SioParseException {
        return decoder.decodeBinary(message);
    }

    /** A packet {type, nsp, data?, id?} written with msgpack-core. */
    private static byte[] packet(Object type, String nsp, Object data, Object id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("nsp", nsp);
        if (data != null) p.put("data", data);
        if (id != null) p.put("id", id);
        return pack(p);
    }

    /** An EVENT on / whose only argument after the name is written by {@code argument}. */
    private static byte[] eventWith(MsgPackMessages.Packing argument) {
        return raw(out -> {
            out.packMapHeader(3);
            out.packString("type").packInt(2);
            out.packString("nsp").packString("/");
            out.packString("data").packArrayHeader(2).packString("e");
            argument.writeTo(out);
        });
    }

    /** The argument after the event name. */
    private Object argument(MsgPackMessages.Packing written) throws SioParseException {
        return ((List<?>) decode(eventWith(written)).data()).get(1);
    }

    private void assertRejected(byte[] message, String messagePart) {
        SioParseException e = assertThrows(SioParseException.class, () -> decode(message), () -> hex(message));
        assertTrue(e.getMessage().contains(messagePart), () -> hex(message) + " → " + e.getMessage());
    }

    // ---------------------------------------------------------------- packets

    @Test
    void eachPacketTypeAClientSends() throws Exception {
        assertEquals(new SioPacket(CONNECT, "/", -1, null), decode(packet(0, "/", null, null)));
        assertEquals(new SioPacket(CONNECT, "/admin", -1, Map.of("token", "123")),
                decode(packet(0, "/admin", Map.of("token", "123"), null)));
        assertEquals(new SioPacket(EVENT, "/", -1, List.of("hello", 1L)), decode(packet(2, "/", List.of("hello", 1), null)));
        assertEquals(new SioPacket(EVENT, "/chat", 7, List.of("hello")), decode(packet(2, "/chat", List.of("hello"), 7)));
        assertEquals(new SioPacket(ACK, "/", 13, List.of()), decode(packet(3, "/", List.of(), 13)));
        assertEquals(new SioPacket(DISCONNECT, "/admin", -1, null), decode(packet(1, "/admin", null, null)));
        // a client may not send one, but that is the server's rule (a protocol violation), not the parser's
        assertEquals(new SioPacket(CONNECT_ERROR, "/", -1, "no"), decode(packet(4, "/", "no", null)));
    }

    @Test
    void aNumericEventNameIsAllowedAsInTheDefaultParser() throws Exception {
        assertEquals(List.of(1L, "x"), decode(packet(2, "/", List.of(1, "x"), null)).data());
    }

    @Test
    void otherKeysAreIgnoredAndARepeatedKeyCountsLast() throws Exception {
        // socket.io-client sends its emit options along: {type, data, options: {compress: true}, nsp}
        Map<String, Object> withOptions = new LinkedHashMap<>();
        withOptions.put("type", 2);
        withOptions.put("data", List.of("x"));
        withOptions.put("options", Map.of("compress", true));
        withOptions.put("nsp", "/");
        assertEquals(new SioPacket(EVENT, "/", -1, List.of("x")), decode(pack(withOptions)));

        byte[] repeated = raw(out -> {
            out.packMapHeader(4);
            out.packString("type").packInt(1);
            out.packString("nsp").packString("/");
            out.packString("type").packInt(2);
            out.packString("data").packArrayHeader(1).packString("y");
        });
        assertEquals(new SioPacket(EVENT, "/", -1, List.of("y")), decode(repeated));
    }

    @Test
    void binaryStaysInPlaceAsByteArrays() throws Exception {
        SioPacket p = decode(packet(2, "/", List.of("up", new byte[]{1, 2}, Map.of("k", List.of(new byte[0]))), null));
        assertEquals(EVENT, p.type(), "no BINARY_EVENT on this wire");
        List<?> args = (List<?>) p.data();
        assertArrayEquals(new byte[]{1, 2}, (byte[]) args.get(1));
        assertArrayEquals(new byte[0], (byte[]) ((List<?>) ((Map<?, ?>) args.get(2)).get("k")).get(0));
    }

    // ---------------------------------------------------------------- values

    @Test
    void integersOfEveryWidthAreLongs() throws Exception {
        assertEquals(5L, argument(out -> out.packLong(5)));
        assertEquals(-32L, argument(out -> out.packLong(-32)));
        assertEquals(200L, argument(out -> out.packLong(200)));
        assertEquals(70_000L, argument(out -> out.packLong(70_000)));
        assertEquals(Long.MIN_VALUE, argument(out -> out.packLong(Long.MIN_VALUE)));
        assertEquals(Long.MAX_VALUE, argument(out -> out.packBigInteger(BigInteger.valueOf(Long.MAX_VALUE))));
        // past long's range, as the default parser reads an integer too long for a long
        assertEquals(1.8446744073709552E19, argument(out -> out.packBigInteger(BigInteger.TWO.pow(64).subtract(BigInteger.ONE))));
    }

    @Test
    void floatsAreDoublesUnlessIntegralAsInJsonText() throws Exception {
        assertEquals(2.5, argument(out -> out.packDouble(2.5)));
        assertEquals(3L, argument(out -> out.packDouble(3.0)), "3.0 is the number 3, as the default parser reads it");
        assertEquals(0L, argument(out -> out.packDouble(-0.0)));
        assertEquals((double) 0.1f, argument(out -> out.packFloat(0.1f)), "a float32 is the double JavaScript reads");
        assertEquals(1e300, argument(out -> out.packDouble(1e300)));
        assertEquals(Double.NaN, argument(out -> out.packDouble(Double.NaN)), "NaN survives, as JSON could not carry it");
        assertEquals(Double.NEGATIVE_INFINITY, argument(out -> out.packDouble(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void stringsBooleansNilAndMalformedUtf8() throws Exception {
        assertEquals("héllo 🌍", argument(out -> out.packString("héllo 🌍")));
        assertEquals(true, argument(out -> out.packBoolean(true)));
        assertNull(argument(MessagePacker::packNil));
        assertEquals("a\uFFFDb", argument(out -> out.packRawStringHeader(3).writePayload(new byte[]{'a', (byte) 0xff, 'b'})));
    }

    @Test
    void mapsKeepTheirOrderAndIntegerKeysAreNamesAsInJavaScript() throws Exception {
        Object map = argument(out -> {
            out.packMapHeader(3);
            out.packString("z").packInt(1);
            out.packInt(7).packInt(2);
            out.packString("a").packInt(3);
        });
        assertEquals(List.of("z", "7", "a"), List.copyOf(((Map<?, ?>) map).keySet()));
        assertRejected(eventWith(out -> out.packMapHeader(1).packArrayHeader(0).packInt(1)), "map key");
        assertRejected(eventWith(out -> out.packMapHeader(1).packNil().packInt(1)), "map key");
    }

    @Test
    void aTimestampIsReadAsTheDateOfNotepack3() throws Exception {
        assertEquals("1970-01-01T00:00:00.000Z", argument(out -> out.packTimestamp(Instant.EPOCH)));
        assertEquals("2023-11-14T22:13:20.123Z", argument(out -> out.packTimestamp(Instant.ofEpochMilli(1_700_000_000_123L))));
        assertEquals("1969-12-31T23:59:59.999Z", argument(out -> out.packTimestamp(Instant.ofEpochMilli(-1))));
        assertEquals("+275760-09-13T00:00:00.000Z", argument(out -> out.packTimestamp(Instant.ofEpochMilli(8_640_000_000_000_000L))));
        // beyond a Date's range: an invalid Date, which JSON.stringify writes as null
        assertNull(argument(out -> out.packTimestamp(Instant.ofEpochSecond(8_640_000_000_001L))));
        assertNull(argument(out -> out.packExtensionTypeHeader((byte) -1, 12)
                .writePayload(hex("00000000" + "7fffffffffffffff"))));
    }

    @Test
    void notepacksDateIsTheIsoTextOfItsMilliseconds() throws Exception {
        assertEquals("2023-11-14T22:13:20.123Z", argument(out -> out.packExtensionTypeHeader((byte) 0, 8)
                .writePayload(hex("0000018bcfe5687b"))));
        assertEquals("1969-12-31T23:59:59.999Z", argument(out -> out.packExtensionTypeHeader((byte) 0, 8)
                .writePayload(hex("ffffffffffffffff"))));
        assertNull(argument(out -> out.packExtensionTypeHeader((byte) 0, 8).writePayload(hex("7fffffffffffffff"))),
                "beyond a Date's range: an invalid Date, which JSON.stringify writes as null");
    }

    @Test
    void notepacksUndefinedIsNullInAnArrayAndAbsentInAMapOrAPacket() throws Exception {
        MsgPackMessages.Packing undefined = out -> out.packExtensionTypeHeader((byte) 0, 1).writePayload(new byte[]{0});
        assertNull(argument(undefined));
        Object map = argument(out -> {
            out.packMapHeader(3);
            out.packString("gone");
            undefined.writeTo(out);
            out.packString("kept").packInt(1);
            out.packString("kept");
            undefined.writeTo(out);
        });
        assertEquals(Map.of(), map, "an undefined value leaves its key out, even a repeated one");
        byte[] connectWithoutAuth = raw(out -> { // as socket.io-client sends it: data left undefined
            out.packMapHeader(3);
            out.packString("type").packInt(0);
            out.packString("data");
            undefined.writeTo(out);
            out.packString("nsp").packString("/");
        });
        assertEquals(new SioPacket(CONNECT, "/", -1, null), decode(connectWithoutAuth));
        byte[] undefinedId = raw(out -> {
            out.packMapHeader(4);
            out.packString("type").packInt(2);
            out.packString("data").packArrayHeader(1).packString("x");
            out.packString("id");
            undefined.writeTo(out);
            out.packString("nsp").packString("/");
        });
        assertEquals(new SioPacket(EVENT, "/", -1, List.of("x")), decode(undefinedId));
    }

    @Test
    void otherExtensionsAreReadAsNotepackReadsThem() throws Exception {
        // notepack writes an ArrayBuffer or a typed array as an ext 8/16/32 of type 0 (msgpack-core would pick a
        // fixext for 2 bytes: the ext 8 written by hand)
        assertArrayEquals(new byte[]{7, 8}, (byte[]) argument(out -> out.writePayload(hex("c702000708"))));
        assertArrayEquals(new byte[300], (byte[]) argument(out -> out.packExtensionTypeHeader((byte) 0, 300)
                .writePayload(new byte[300])));
        List<?> typed = assertInstanceOf(List.class,
                argument(out -> out.packExtensionTypeHeader((byte) 5, 2).writePayload(new byte[]{1, 2})));
        assertEquals(5L, typed.get(0));
        assertArrayEquals(new byte[]{1, 2}, (byte[]) typed.get(1));
        List<?> fixext4 = assertInstanceOf(List.class,
                argument(out -> out.packExtensionTypeHeader((byte) 0, 4).writePayload(new byte[]{1, 2, 3, 4})));
        assertEquals(0L, fixext4.get(0));
    }

    // ---------------------------------------------------------------- refused

    @Test
    void aTextMessageIsRefusedNamingTheParser() {
        SioParseException e = assertThrows(SioParseException.class, () -> decoder.decodeText("42[\"x\"]"));
        assertTrue(e.getMessage().contains("MessagePack parser"), e.getMessage());
    }

    @Test
    void envelopesTheReferenceRefuses() {
        assertRejected(pack(List.of(2, "/")), "must be a MessagePack map");
        assertRejected(pack("x"), "must be a MessagePack map");
        assertRejected(pack(Map.of("nsp", "/", "data", List.of("x"))), "invalid packet type (none)");
        assertRejected(packet(5, "/", List.of("x"), null), "invalid packet type 5");
        assertRejected(packet(6, "/", List.of(), 1), "invalid packet type 6");
        assertRejected(packet(-1, "/", List.of("x"), null), "invalid packet type -1");
        assertRejected(packet("2", "/", List.of("x"), null), "invalid packet type \"2\"");
        assertRejected(packet(2.5, "/", List.of("x"), null), "invalid packet type 2.5");
        assertRejected(pack(Map.of("type", 2, "data", List.of("x"))), "invalid namespace (none)");
        assertRejected(packet(2, null, List.of("x"), null), "invalid namespace");
        assertRejected(packet(2, "/", List.of("x"), "1"), "invalid ack id \"1\"");
        assertRejected(packet(2, "/", List.of("x"), 1.5), "invalid ack id 1.5");
    }

    @Test
    void payloadsRefusedByType() {
        assertRejected(packet(0, "/", List.of(), null), "invalid payload for CONNECT");
        assertRejected(packet(1, "/", Map.of(), null), "invalid payload for DISCONNECT");
        // unlike the default parser (`2`, `3<id>`), this wire's decoder wants data on these types
        assertRejected(packet(2, "/", null, null), "missing the argument array");
        assertRejected(packet(3, "/", null, 1), "missing the argument array");
        assertRejected(packet(4, "/", null, null), "missing the error");
        assertRejected(packet(2, "/", List.of(), null), "invalid payload for EVENT");
        assertRejected(packet(2, "/", Map.of("a", 1), null), "invalid payload for EVENT");
        assertRejected(packet(3, "/", "x", 1), "invalid payload for ACK");
        assertRejected(packet(4, "/", 42, null), "invalid payload for CONNECT_ERROR");
        // a nil data is present, so not "absent", as notepack's decoder sees it (null !== undefined)
        byte[] connectWithNil = raw(out -> {
            out.packMapHeader(3);
            out.packString("type").packInt(0);
            out.packString("nsp").packString("/");
            out.packString("data").packNil();
        });
        assertRejected(connectWithNil, "invalid payload for CONNECT");
    }

    @Test
    void stricterThanTheReference() {
        // the reference's msgpack decoder checks none of these; the default parser's rules hold on either wire
        assertRejected(packet(0, "admin", null, null), "invalid namespace \"admin\"");
        assertRejected(packet(0, "", null, null), "invalid namespace \"\"");
        assertRejected(packet(2, "/", List.of("disconnect"), null), "non-reserved event name");
        assertRejected(packet(2, "/", List.of(true), null), "non-reserved event name");
        assertRejected(packet(2, "/", List.of("x"), -1), "invalid ack id -1");
    }

    @Test
    void theAckIdLimit() throws Exception {
        MsgPackDecoder small = new MsgPackDecoder(new ParserLimits(10, 32, 99));
        assertEquals(99, small.decodeBinary(packet(2, "/", List.of("x"), 99)).ackId());
        SioParseException e = assertThrows(SioParseException.class,
                () -> small.decodeBinary(packet(2, "/", List.of("x"), 100)));
        assertTrue(e.getMessage().contains("ack id 100 over the limit 99"), e.getMessage());
    }

    @Test
    void theDepthLimitCountsContainersAsTheDefaultParserDoes() throws Exception {
        MsgPackDecoder shallow = new MsgPackDecoder(new ParserLimits(10, 3, Integer.MAX_VALUE));
        // ["x", [[ ]]]: the argument array is level 1
        assertEquals(List.of("x", List.of(List.of())), shallow.decodeBinary(packet(2, "/", List.of("x", List.of(List.of())), null)).data());
        SioParseException e = assertThrows(SioParseException.class,
                () -> shallow.decodeBinary(packet(2, "/", List.of("x", List.of(List.of(Map.of()))), null)));
        assertTrue(e.getMessage().contains("nested deeper than 3 levels"), e.getMessage());
        // the [type, bytes] array of an unknown extension is a level too (a fuzzing finding)
        MsgPackDecoder flat = new MsgPackDecoder(new ParserLimits(10, 1, Integer.MAX_VALUE));
        SioParseException typed = assertThrows(SioParseException.class, () -> flat.decodeBinary(
                eventWith(out -> out.packExtensionTypeHeader((byte) 5, 2).writePayload(new byte[]{1, 2}))));
        assertTrue(typed.getMessage().contains("nested deeper than 1 levels"), typed.getMessage());
        // under a key the parser ignores too: nothing escapes the bound
        assertRejected(raw(out -> {
            out.packMapHeader(1);
            out.packString("junk");
            for (int i = 0; i < 100_000; i++) out.packArrayHeader(1);
            out.packNil();
        }), "nested deeper than 32 levels");
    }

    @Test
    void lengthsAndCountsBeyondTheMessageAreRefusedBeforeAnyAllocation() {
        assertRejected(eventWith(out -> out.packRawStringHeader(Integer.MAX_VALUE)), "beyond the end of the message");
        assertRejected(eventWith(out -> out.packBinaryHeader(Integer.MAX_VALUE)), "beyond the end of the message");
        assertRejected(eventWith(out -> out.packArrayHeader(Integer.MAX_VALUE)), "beyond the end of the message");
        assertRejected(eventWith(out -> out.packMapHeader(Integer.MAX_VALUE)), "beyond the end of the message");
        assertRejected(eventWith(out -> out.packExtensionTypeHeader((byte) 3, Integer.MAX_VALUE)), "beyond the end");
        assertRejected(hex("df7fffffff"), "beyond the end of the message"); // the envelope's own count
        assertRejected(hex("df" + "ffffffff"), "not MessagePack"); // a count past int's range
    }

    @Test
    void everyTruncationOfAValidMessageIsRefused() throws Exception {
        byte[] whole = packet(2, "/chat", List.of("x", 1.5, new byte[]{1, 2, 3}, Map.of("k", "v"), "日本"), 7);
        decode(whole);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(SioParseException.class, () -> decode(cut), () -> "cut to " + cut.length + ": " + hex(cut));
        }
    }

    @Test
    void bytesNeverUsedAndBytesAfterThePacket() {
        assertRejected(hex("c1"), "a byte MessagePack never uses");
        byte[] valid = packet(2, "/", List.of("x"), null);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        assertRejected(trailing, "bytes after the MessagePack packet");
        assertRejected(new byte[0], "an empty message");
    }

    @Test
    void errorMessagesShowLittleOfWhatTheClientSent() {
        String longName = "x".repeat(1000) + "\n";
        SioParseException e = assertThrows(SioParseException.class, () -> decode(packet(0, longName, null, null)));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        SioParseException control = assertThrows(SioParseException.class, () -> decode(packet(0, "a\nb", null, null)));
        assertTrue(!control.getMessage().contains("\n"), control.getMessage());
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 1000; i++) big.add("item" + i);
        SioParseException container = assertThrows(SioParseException.class, () -> decode(packet(big, "/", null, null)));
        assertTrue(container.getMessage().length() < 200, container.getMessage());
    }

    @Test
    void theDecoderHoldsNothingBetweenMessages() throws Exception {
        assertThrows(SioParseException.class, () -> decode(hex("c1")));
        assertEquals(new SioPacket(EVENT, "/", -1, List.of("x")), decode(packet(2, "/", List.of("x"), null)));
    }
}
