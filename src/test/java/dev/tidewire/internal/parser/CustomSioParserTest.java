package dev.tidewire.internal.parser;

import dev.tidewire.fixture.JsonEnvelopeParser;
import dev.tidewire.internal.engine.Packet;
import dev.tidewire.server.parser.PacketDecoder;
import dev.tidewire.server.parser.PacketType;
import dev.tidewire.server.parser.SocketIoPacket;
import dev.tidewire.server.parser.SocketIoParser;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adapter between a parser of the application's own and the internal seam: what an encoder is handed, what the
 * server sends of its output, and which decoded packets pass. With the fixture parser ({@link JsonEnvelopeParser}, on
 * JSON-P) where a real format serves, and with parsers written here where a test needs one that misbehaves.
 */
public class CustomSioParserTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final JsonFallback JSON_B = JSONB::toJson;
    private static final ParserLimits LIMITS = new ParserLimits(10, 4, 1000);

    @AfterAll
    static void closeJsonb() throws Exception {
        JSONB.close();
    }

    public record Order(String item, int quantity) {
    }

    /** Remembers the packet it is handed and encodes it as {@code output} says. */
    private static final class Recording implements SocketIoParser {
        final AtomicReference<SocketIoPacket> handed = new AtomicReference<>();
        final Function<SocketIoPacket, List<?>> output;

        Recording(Function<SocketIoPacket, List<?>> output) {
            this.output = output;
        }

        @Override
        public List<?> encode(SocketIoPacket packet) {
            handed.set(packet);
            return output.apply(packet);
        }

        @Override
        public PacketDecoder newDecoder() {
            throw new UnsupportedOperationException("encoding only");
        }
    }

    /** A parser whose decoder hands back, for each text, what {@code decoded} makes of it. */
    private static SioPacketDecoder decoderOf(Function<String, SocketIoPacket> decoded) {
        SocketIoParser parser = new SocketIoParser() {
            @Override
            public List<?> encode(SocketIoPacket packet) {
                return List.of("unused");
            }

            @Override
            public PacketDecoder newDecoder() {
                return new PacketDecoder() {
                    @Override
                    public SocketIoPacket decodeText(String text) {
                        return decoded.apply(text);
                    }

                    @Override
                    public SocketIoPacket decodeBinary(byte[] data) {
                        return decoded.apply(new String(data));
                    }
                };
            }
        };
        return new CustomSioParser(parser).newDecoder(LIMITS);
    }

    private static SocketIoPacket event(Object... args) {
        return new SocketIoPacket(PacketType.EVENT, "/", new ArrayList<>(Arrays.asList(args)));
    }

    // ---------------------------------------------------------------- encoding

    @Test
    void anEncoderIsHandedAPlainTreeWithApplicationValuesConvertedAsTheDefaultParserWritesThem() {
        Recording parser = new Recording(p -> List.of("x"));
        byte[] bytes = {1, 2};
        Map<Object, Object> sorted = new TreeMap<>(Map.of(2, "b", 1, "a"));
        new CustomSioParser(parser).encode(new SioPacket(SioPacketType.BINARY_EVENT, "/chat", 7,
                List.of("order", new Order("tea", 3), 5, (short) 6, 1.5f, new BigDecimal("2.25"), bytes,
                        ByteBuffer.wrap(new byte[]{9, 8, 7}, 1, 2), sorted, new Object[]{true, null},
                        Instant.parse("2024-02-29T12:30:45.678Z"))), JSON_B);

        SocketIoPacket handed = parser.handed.get();
        assertEquals(PacketType.EVENT, handed.type(), "binary travels in place: a plain EVENT");
        assertEquals("/chat", handed.namespace());
        assertEquals(7, handed.ackId());
        List<?> args = assertInstanceOf(List.class, handed.data());
        assertEquals("order", args.get(0));
        assertEquals(Map.of("item", "tea", "quantity", 3L), args.get(1), "a record through JSON-B, numbers Long");
        assertEquals(5L, args.get(2));
        assertEquals(6L, args.get(3));
        assertEquals(1.5, args.get(4));
        assertEquals(2.25, args.get(5));
        assertSame(bytes, args.get(6), "a byte[] is handed as is");
        assertArrayEquals(new byte[]{8, 7}, (byte[]) args.get(7), "a ByteBuffer's remaining bytes");
        assertEquals(List.of("1", "2"), new ArrayList<>(((Map<?, ?>) args.get(8)).keySet()), "keys as text, in order");
        assertEquals(Arrays.asList(true, null), args.get(9));
        assertEquals("2024-02-29T12:30:45.678Z", args.get(10));
    }

    @Test
    void theBinaryAckTypeIsAPlainAckAndAPacketWithoutDataHasNone() {
        Recording parser = new Recording(p -> List.of("x"));
        CustomSioParser adapter = new CustomSioParser(parser);
        adapter.encode(new SioPacket(SioPacketType.BINARY_ACK, "/", 3, List.of(new byte[0])), JSON_B);
        assertEquals(PacketType.ACK, parser.handed.get().type());
        adapter.encode(new SioPacket(SioPacketType.DISCONNECT, "/x", SioPacket.NO_ACK, null), JSON_B);
        assertEquals(new SocketIoPacket(PacketType.DISCONNECT, "/x", null), parser.handed.get());
        assertEquals(false, parser.handed.get().hasAck());
    }

    @Test
    void theEncodersTextAndBinaryMessagesAreSentInOrder() {
        byte[] attachment = {4, 2};
        List<Packet> sent = new CustomSioParser(new Recording(p -> List.of("head", attachment, "tail")))
                .encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e")), JSON_B);
        assertEquals(List.of(Packet.message("head"), Packet.binaryMessage(attachment), Packet.message("tail")), sent);
        assertThrows(UnsupportedOperationException.class, () -> sent.add(Packet.NOOP), "shared by a broadcast");
    }

    @Test
    void theFixtureFormatEncodesOnePacketAsOneTextMessage() {
        List<Packet> sent = new CustomSioParser(new JsonEnvelopeParser()).encode(new SioPacket(SioPacketType.EVENT,
                "/", 12, List.of("file", new byte[]{(byte) 0xca, (byte) 0xfe}, Map.of("n", 1))), JSON_B);
        assertEquals(List.of(Packet.message(
                "{\"type\":2,\"nsp\":\"/\",\"id\":12,\"data\":[\"file\",{\"_b64\":\"yv4=\"},{\"n\":1}]}")), sent);
    }

    @Test
    void anEncoderFailureReachesTheEmitterAsAnIllegalArgumentNamingTheParser() {
        Recording parser = new Recording(p -> {
            throw new IllegalStateException("cannot write this");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CustomSioParser(parser)
                .encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e")), JSON_B));
        assertTrue(e.getMessage().contains(Recording.class.getName()), e.getMessage());
        assertEquals("cannot write this", e.getCause().getMessage());
    }

    @Test
    void aValueNeitherTheWriterNorTheFallbackHandlesFailsAsWithTheBuiltInParsers() {
        Recording parser = new Recording(p -> List.of("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CustomSioParser(parser)
                .encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e", new Order("a", 1))),
                        JsonFallback.REJECT));
        assertTrue(e.getMessage().contains("no JsonFallback handles it"), e.getMessage());
        assertNull(parser.handed.get(), "the parser never sees it");
    }

    @Test
    void aCyclicValueIsRefusedRatherThanOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IllegalArgumentException.class, () -> new CustomSioParser(new Recording(p -> List.of("x")))
                .encode(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e", cycle)), JSON_B));
    }

    @Test
    void noMessageOrAMessageOfAnotherKindIsTheParsersBug() {
        SioPacket packet = new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, List.of("e"));
        for (Function<SocketIoPacket, List<?>> output : List.<Function<SocketIoPacket, List<?>>>of(
                p -> List.of(), p -> null, p -> List.of(ByteBuffer.allocate(1)), p -> Arrays.asList("a", null))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new CustomSioParser(new Recording(output)).encode(packet, JSON_B));
            assertTrue(e.getMessage().contains(Recording.class.getName()), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- decoding

    @Test
    void theFixtureFormatDecodesEventsAcksAndBinaryIntoTheTreeTheBuiltInDecodersGive() throws Exception {
        SioPacketDecoder decoder = new CustomSioParser(new JsonEnvelopeParser()).newDecoder(LIMITS);
        SioPacket packet = decoder.decodeText(
                "{\"type\":2,\"nsp\":\"/chat\",\"id\":5,\"data\":[\"e\",1,2.0,2.5,{\"_b64\":\"AQI=\"},{\"k\":[null]}]}");
        assertEquals(SioPacketType.EVENT, packet.type());
        assertEquals("/chat", packet.namespace());
        assertEquals(5, packet.ackId());
        List<?> args = (List<?>) packet.data();
        assertEquals(List.of("e", 1L, 2L, 2.5), args.subList(0, 4), "JavaScript numbers: integral values are Long");
        assertArrayEquals(new byte[]{1, 2}, (byte[]) args.get(4));
        assertEquals(Map.of("k", Arrays.asList((Object) null)), args.get(5));
        assertInstanceOf(LinkedHashMap.class, args.get(5));

        SioPacket ack = decoder.decodeText("{\"type\":3,\"nsp\":\"/\",\"id\":0,\"data\":[]}");
        assertEquals(new SioPacket(SioPacketType.ACK, "/", 0, List.of()), ack);
        SioPacket connect = decoder.decodeText("{\"type\":0,\"nsp\":\"/admin\"}");
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/admin", SioPacket.NO_ACK, null), connect);
    }

    @Test
    void numbersOfAnyKindAreReadAsJavaScriptNumbers() throws Exception {
        SioPacket packet = decoderOf(t -> event("n", 7, (short) 8, (byte) 9, 0.1f, new BigDecimal("3.0"),
                new BigInteger("12345678901234567890"), 1e300)).decodeText("");
        assertEquals(List.of("n", 7L, 8L, 9L, 0.1, 3L, 1.2345678901234567e19, 1e300), packet.data());
    }

    @Test
    void aDecoderWaitingForMoreMessagesReturnsNothingYetAndKeepsItsStateAcrossMessages() throws Exception {
        List<String> parts = new ArrayList<>();
        SioPacketDecoder decoder = decoderOf(text -> {
            parts.add(text);
            return parts.size() < 2 ? null : event(String.join("", parts));
        });
        assertNull(decoder.decodeText("tw"));
        assertEquals(List.of("two"), decoder.decodeText("o").data());
    }

    @Test
    void resetReachesTheDecoderAndItsFailureIsIgnored() throws Exception {
        List<String> calls = new ArrayList<>();
        SocketIoParser parser = new SocketIoParser() {
            @Override
            public List<?> encode(SocketIoPacket packet) {
                return List.of("unused");
            }

            @Override
            public PacketDecoder newDecoder() {
                calls.add("newDecoder");
                return new PacketDecoder() {
                    @Override
                    public SocketIoPacket decodeText(String text) {
                        calls.add("text");
                        return null;
                    }

                    @Override
                    public SocketIoPacket decodeBinary(byte[] data) {
                        return null;
                    }

                    @Override
                    public void reset() {
                        calls.add("reset");
                        throw new IllegalStateException("already closed");
                    }
                };
            }
        };
        SioPacketDecoder decoder = new CustomSioParser(parser).newDecoder(LIMITS);
        decoder.reset();
        assertEquals(List.of(), calls, "no decoder made before the first message");
        decoder.decodeText("a");
        decoder.decodeText("b");
        decoder.reset();
        assertEquals(List.of("newDecoder", "text", "text", "reset"), calls);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not JSON", "[1]", "{\"nsp\":\"/\",\"data\":[\"e\"]}", "{\"type\":9,\"nsp\":\"/\",\"data\":[\"e\"]}",
            "{\"type\":\"2\",\"nsp\":\"/\",\"data\":[\"e\"]}", "{\"type\":2,\"nsp\":\"chat\",\"data\":[\"e\"]}",
            "{\"type\":2,\"nsp\":\"/\",\"id\":-5,\"data\":[\"e\"]}", "{\"type\":2,\"nsp\":\"/\",\"id\":1.5,\"data\":[\"e\"]}",
            "{\"type\":2,\"nsp\":\"/\",\"data\":[\"e\",{\"_b64\":\"not base64!\"}]}"})
    void anExceptionFromTheDecoderIsAProtocolViolationNamingTheParser(String text) {
        SioParseException e = assertThrows(SioParseException.class,
                () -> new CustomSioParser(new JsonEnvelopeParser()).newDecoder(LIMITS).decodeText(text));
        assertTrue(e.getMessage().startsWith("parser " + JsonEnvelopeParser.class.getName() + " refused the message: "),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\":2,\"nsp\":\"/\"}", "{\"type\":2,\"nsp\":\"/\",\"data\":[]}",
            "{\"type\":2,\"nsp\":\"/\",\"data\":[\"disconnect\"]}", "{\"type\":2,\"nsp\":\"/\",\"data\":[{}]}",
            "{\"type\":2,\"nsp\":\"/\",\"data\":\"e\"}", "{\"type\":3,\"nsp\":\"/\",\"id\":1}",
            "{\"type\":3,\"nsp\":\"/\",\"id\":1,\"data\":{\"a\":1}}", "{\"type\":0,\"nsp\":\"/\",\"data\":[1]}",
            "{\"type\":1,\"nsp\":\"/\",\"data\":[]}", "{\"type\":4,\"nsp\":\"/\"}", "{\"type\":4,\"nsp\":\"/\",\"data\":1}",
            "{\"type\":2,\"nsp\":\"/\",\"id\":1001,\"data\":[\"e\"]}",
            "{\"type\":2,\"nsp\":\"/\",\"data\":[\"e\",[[[[1]]]]]}"})
    void aPacketBreakingTheBuiltInParsersRulesIsAProtocolViolationNamingTheParser(String text) {
        SioParseException e = assertThrows(SioParseException.class,
                () -> new CustomSioParser(new JsonEnvelopeParser()).newDecoder(LIMITS).decodeText(text));
        assertTrue(e.getMessage().startsWith("parser " + JsonEnvelopeParser.class.getName()
                + " decoded an invalid packet: "), e.getMessage());
    }

    @Test
    void theLimitsAreTheOnesConfigured() throws Exception {
        SioPacketDecoder decoder = new CustomSioParser(new JsonEnvelopeParser()).newDecoder(LIMITS);
        assertEquals(1000, decoder.decodeText("{\"type\":2,\"nsp\":\"/\",\"id\":1000,\"data\":[\"e\"]}").ackId());
        assertEquals(List.of("e", List.of(List.of(List.of()))),
                decoder.decodeText("{\"type\":2,\"nsp\":\"/\",\"data\":[\"e\",[[[]]]]}").data(), "4 levels pass");
    }

    @Test
    void valuesOutsideThePlainTreeAreRefused() {
        Map<Object, Object> numberKey = new LinkedHashMap<>();
        numberKey.put(1, "a");
        for (Object bad : List.of(new Date(), numberKey, Map.of("k", Instant.EPOCH), new Object[]{"array"})) {
            SioParseException e = assertThrows(SioParseException.class,
                    () -> decoderOf(t -> event("e", bad)).decodeText(""));
            assertTrue(e.getMessage().contains("decoded an invalid packet"), e.getMessage());
        }
    }

    @Test
    void aCyclicTreeFromADecoderStopsAtTheDepthLimit() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        SioParseException e = assertThrows(SioParseException.class,
                () -> decoderOf(t -> event("e", cycle)).decodeText(""));
        assertTrue(e.getMessage().contains("nested deeper than 4 levels"), e.getMessage());
    }

    @Test
    void aStackOverflowOrAFailingNewDecoderIsThatClientsProtocolViolation() {
        assertThrows(SioParseException.class, () -> decoderOf(t -> {
            throw new StackOverflowError();
        }).decodeText(""));
        SocketIoParser noDecoder = new Recording(p -> List.of("x")); // its newDecoder() throws
        SioParseException e = assertThrows(SioParseException.class,
                () -> new CustomSioParser(noDecoder).newDecoder(LIMITS).decodeBinary(new byte[1]));
        assertTrue(e.getMessage().contains("UnsupportedOperationException: encoding only"), e.getMessage());
    }

    @Test
    void aReasonQuotingTheClientStaysOneShortLine() {
        SioParseException e = assertThrows(SioParseException.class, () -> decoderOf(t -> {
            throw new IllegalArgumentException("line\nbreak " + "x".repeat(1000));
        }).decodeText(""));
        assertTrue(e.getMessage().contains("line?break"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void theParserIsNamedByItsClass() {
        assertEquals(JsonEnvelopeParser.class.getName(), new CustomSioParser(new JsonEnvelopeParser()).toString());
    }
}
