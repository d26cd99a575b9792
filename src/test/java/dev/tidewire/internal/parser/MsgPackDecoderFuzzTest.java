package dev.tidewire.internal.parser;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidewire.internal.fuzz.GuardedCall;
import dev.tidewire.internal.fuzz.JsonTrees;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.tidewire.internal.parser.MsgPackMessages.hex;
import static dev.tidewire.internal.parser.MsgPackMessages.pack;
import static dev.tidewire.internal.parser.MsgPackMessages.raw;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes {@link MsgPackDecoder} with fuzzed {@link ParserLimits}, on valid messages edited at the byte level and on
 * arbitrary bytes. Only {@link SioParseException} escapes, no call hangs, allocation grows at most linearly with the
 * message, and every decoded packet respects the limits and the payload rules.
 */
public class MsgPackDecoderFuzzTest {
    private static final byte[][] SEEDS = {
            packet(0, "/", null, null),
            packet(0, "/admin", Map.of("token", "123"), null),
            packet(1, "/chat", null, null),
            packet(2, "/", List.of("x", 1, -1.5, true, Map.of("a", List.of(new byte[]{1, 2}))), null),
            packet(2, "/nsp", List.of("x", "日本"), 7L),
            packet(3, "/", List.of(), 12L),
            packet(4, "/", Map.of("message", "err"), null),
            raw(out -> {
                out.packMapHeader(4);
                out.packString("type").packInt(2);
                out.packString("data").packArrayHeader(3).packString("t").packTimestamp(Instant.ofEpochMilli(-1))
                        .packExtensionTypeHeader((byte) 5, 2).writePayload(new byte[]{1, 2});
                out.packString("options").packMapHeader(1).packString("compress").packBoolean(true);
                out.packString("nsp").packString("/");
            }),
    };
    /** Headers that declare sizes, the never-used byte, extensions and deep nesting. */
    private static final byte[][] TOKENS = {
            hex("c1"), hex("c0"), hex("91"), hex("81"), hex("dc0010"), hex("ddffffffff"), hex("dd7fffffff"),
            hex("df00000002"), hex("dbffffffff"), hex("c6000000ff"), hex("d9ff"), hex("cf" + "ff".repeat(8)),
            hex("d3" + "80" + "00".repeat(7)), hex("cb7ff8000000000000"), hex("ca3dcccccd"), hex("d4ff00"),
            hex("d7ff" + "ff".repeat(8)), hex("c70cff" + "ff".repeat(12)), hex("c9ffffffff05"), hex("a474797065"),
            hex("a36e7370"), hex("a464617461"), hex("a26964"), hex("a12f"), hex("aa646973636f6e6e656374"),
            hex("9191919191919191"), hex("05"), hex("ff"), hex("d0ff"), hex("d40000"), hex("d700" + "00".repeat(8)),
            hex("d7007fffffffffffffff"), hex("c702000708"), hex("c8ffff00")};

    /** Generous: the decoder needs microseconds; 2 s leaves room for a slow shared machine and a GC pause. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "30s")
    void decoder(FuzzedDataProvider data) {
        check(data);
    }

    /** One fuzz input's worth of checks; {@link dev.tidewire.internal.fuzz.DecodersFuzzTest} calls it too. */
    public static void check(FuzzedDataProvider data) {
        ParserLimits limits = new ParserLimits(10,
                data.consumeBoolean() ? data.consumeInt(1, 8) : data.consumeInt(1, 64),
                data.pickValue(new long[]{0, 1, 9, 1000, Integer.MAX_VALUE, Long.MAX_VALUE}));
        byte[] message = data.consumeBoolean() ? mutate(data, data.pickValue(SEEDS))
                : data.consumeBytes(data.consumeInt(0, 512));
        Supplier<String> input = () -> limits + ", message " + (message.length > 2000
                ? hex(java.util.Arrays.copyOf(message, 2000)) + "… (" + message.length + " bytes)" : hex(message));
        MsgPackDecoder decoder = new MsgPackDecoder(limits);
        GuardedCall.Outcome<SioPacket> outcome = GuardedCall.expectReturnOr(SioParseException.class,
                () -> () -> decoder.decodeBinary(message), DEADLINE, allocationBound(message.length), input);
        if (outcome.thrown() == null) checkPacket(outcome.value(), limits, input);
    }

    private static void checkPacket(SioPacket packet, ParserLimits limits, Supplier<String> input) {
        assertTrue(packet.namespace().startsWith("/"), () -> "namespace " + packet.namespace() + ": " + input.get());
        assertTrue(!packet.hasAck() || packet.ackId() >= 0 && packet.ackId() <= limits.maxAckId(),
                () -> "ack id " + packet.ackId() + ": " + input.get());
        assertTrue(JsonTrees.depth(packet.data()) <= limits.maxDepth(), () -> "deeper than the limit: " + input.get());
        switch (packet.type()) {
            case EVENT -> assertTrue(packet.data() instanceof List<?> args && !args.isEmpty()
                    && (args.get(0) instanceof String || args.get(0) instanceof Number), input);
            case ACK -> assertTrue(packet.data() instanceof List, input);
            case CONNECT -> assertTrue(packet.data() == null || packet.data() instanceof Map, input);
            case DISCONNECT -> assertTrue(packet.data() == null, input);
            case CONNECT_ERROR -> assertTrue(packet.data() instanceof Map || packet.data() instanceof String, input);
            default -> throw new AssertionError("a type this wire has not: " + packet.type() + ", " + input.get());
        }
    }

    /** {@code seed} with between one and four edits: insert, delete, replace or repeat a piece, or truncate. */
    private static byte[] mutate(FuzzedDataProvider data, byte[] seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] s = seed;
        int edits = data.consumeInt(1, 4);
        for (int e = 0; e < edits; e++) {
            int at = data.consumeInt(0, s.length);
            out.reset();
            out.write(s, 0, at);
            switch (data.consumeInt(0, 4)) {
                case 0 -> {
                    out.writeBytes(piece(data));
                    out.write(s, at, s.length - at);
                }
                case 1 -> {
                    int end = Math.min(s.length, at + data.consumeInt(1, 8));
                    out.write(s, end, s.length - end);
                }
                case 2 -> {
                    out.writeBytes(piece(data));
                    int end = Math.min(s.length, at + 1);
                    out.write(s, end, s.length - end);
                }
                case 3 -> {
                    int end = Math.min(s.length, at + data.consumeInt(1, 16));
                    int copies = data.consumeInt(1, 1000); // long inputs too (amplification)
                    for (int c = 0; c < copies; c++) out.write(s, at, end - at);
                    out.write(s, at, s.length - at);
                }
                default -> {
                    // truncated at `at`
                }
            }
            s = out.toByteArray();
        }
        return s;
    }

    private static byte[] piece(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(TOKENS) : data.consumeBytes(data.consumeInt(1, 8));
    }

    private static byte[] packet(int type, String nsp, Object payload, Long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        if (payload != null) p.put("data", payload);
        p.put("nsp", nsp);
        if (id != null) p.put("id", id);
        return pack(p);
    }

    /**
     * Per byte of message: the smallest elements (a one-byte nil, a two-byte map entry, a three-byte extension) become
     * objects of some tens of bytes (a list slot, a map entry, a String or byte[] with its header, a boxed number), plus
     * the growth of their containers; fourfold headroom over that, and a fixed part for the unpacker and the packet.
     */
    static long allocationBound(int length) {
        return 256L * length + 256 * 1024;
    }
}
