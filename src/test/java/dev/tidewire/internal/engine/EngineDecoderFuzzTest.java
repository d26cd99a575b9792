package dev.tidewire.internal.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidewire.internal.fuzz.FuzzInputs;
import dev.tidewire.internal.fuzz.GuardedCall;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the Engine.IO decoders: {@link PacketCodec#decodeText}, {@link PacketCodec#decodeBinary} and
 * {@link Payload#decode} / {@link Payload#decodeUntilError}, and v3's {@link LengthPrefixedPayload} and
 * {@link BinaryPayload}. Only {@link PacketParseException} escapes, no call hangs, allocation grows at most linearly
 * with the input, a payload never yields more than {@code maxPackets}, and a v3 payload decoded in full encodes back to
 * packets that decode the same.
 */
public class EngineDecoderFuzzTest {
    static final String[] PACKETS = {
            "0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000}", "1", "2", "2probe", "3", "3probe", "4hello",
            "42[\"event\",1]", "5", "6", "b", "bAQID", "bAQIDBA==", "b\nAQID\nBA==\n", "b4pyT", "4"};
    static final String[] V3_PACKETS = {"4hello", "2", "2probe", "1", "b4AQID", "b4\nAQ==\n", "4😀", "4", "6"};
    static final String[] TOKENS = {
            "0", "1", "2", "3", "4", "5", "6", "7", "9", "b", "\u001e", "\u001e\u001e", "probe", "AQID", "BA==", "=",
            "==", "-_", "+/", "QUJD", " ", "\n", "\r\n", "\t", "b=", "bA", "4\u001e"};

    /** Generous: these decoders need microseconds; 2 s leaves room for a slow shared machine and a GC pause. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "30s")
    void decoders(FuzzedDataProvider data) {
        check(data);
    }

    /** One fuzz input's worth of checks; {@link dev.tidewire.internal.fuzz.DecodersFuzzTest} calls it too. */
    public static void check(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 4)) {
            case 0 -> checkPacket(FuzzInputs.text(data, PACKETS, TOKENS, 2000));
            case 1 -> checkPayload(data.consumeInt(0, 64), payloadBody(data));
            case 2 -> checkBinary(data.consumeRemainingAsBytes());
            case 3 -> checkV3Payload(data.consumeInt(0, 64), v3PayloadBody(data));
            default -> checkV3BinaryPayload(data.consumeInt(0, 64), data.consumeRemainingAsBytes());
        }
    }

    static void checkPacket(String text) {
        Supplier<String> input = () -> FuzzInputs.render(text);
        GuardedCall.Outcome<Packet> outcome = GuardedCall.expectReturnOr(PacketParseException.class,
                () -> () -> PacketCodec.decodeText(text), DEADLINE, allocationBound(text.length()), input);
        Packet packet = outcome.value();
        if (outcome.thrown() != null) return;
        assertNotNull(packet, input);
        if (text.charAt(0) == 'b') {
            assertTrue(packet.isBinary() && packet.type() == PacketType.MESSAGE, input);
        } else {
            assertEquals(text.charAt(0), packet.type().digit(), input);
            assertEquals(text.substring(1), packet.text(), input);
        }
    }

    static void checkPayload(int maxPackets, String body) {
        Supplier<String> input = () -> FuzzInputs.render(body) + " with maxPackets " + maxPackets;
        long bound = allocationBound(body.length());
        GuardedCall.Outcome<Payload.Decoded> untilError = GuardedCall.expectReturnOr(NoException.class,
                () -> () -> Payload.decodeUntilError(body, maxPackets), DEADLINE, bound, input);
        GuardedCall.Outcome<List<Packet>> decoded = GuardedCall.expectReturnOr(PacketParseException.class,
                () -> () -> Payload.decode(body, maxPackets), DEADLINE, bound, input);

        Payload.Decoded partial = untilError.value();
        assertTrue(partial.packets().size() <= maxPackets, () -> "more packets than maxPackets: " + input.get());
        if (decoded.thrown() == null) {
            assertEquals(null, partial.error(), input);
            assertEquals(partial.packets(), decoded.value(), input);
        } else {
            assertEquals(partial.error(), decoded.thrown().getMessage(), input);
        }
    }

    static void checkBinary(byte[] bytes) {
        Supplier<String> input = () -> bytes.length + " bytes";
        GuardedCall.Outcome<Packet> outcome = GuardedCall.expectReturnOr(NoException.class,
                () -> () -> PacketCodec.decodeBinary(bytes), DEADLINE, 1024, input);
        assertSame(bytes, outcome.value().binary(), "a binary frame is carried as is, not copied");
    }

    static void checkV3Payload(int maxPackets, String body) {
        Supplier<String> input = () -> FuzzInputs.render(body) + " with maxPackets " + maxPackets;
        GuardedCall.Outcome<Payload.Decoded> outcome = GuardedCall.expectReturnOr(NoException.class,
                () -> () -> LengthPrefixedPayload.decode(body, maxPackets), DEADLINE, allocationBound(body.length()),
                input);
        Payload.Decoded decoded = outcome.value();
        assertTrue(decoded.packets().size() <= maxPackets, () -> "more packets than maxPackets: " + input.get());
        if (decoded.error() == null && !decoded.packets().isEmpty()) {
            String again = LengthPrefixedPayload.encode(decoded.packets());
            assertEquals(decoded.packets(), LengthPrefixedPayload.decode(again, maxPackets).packets(), input);
        }
    }

    static void checkV3BinaryPayload(int maxPackets, byte[] body) {
        Supplier<String> input = () -> body.length + " bytes with maxPackets " + maxPackets;
        GuardedCall.Outcome<Payload.Decoded> outcome = GuardedCall.expectReturnOr(NoException.class,
                () -> () -> BinaryPayload.decode(body, maxPackets), DEADLINE, allocationBound(body.length), input);
        Payload.Decoded decoded = outcome.value();
        assertTrue(decoded.packets().size() <= maxPackets, () -> "more packets than maxPackets: " + input.get());
        if (decoded.error() == null) {
            assertEquals(decoded.packets(), BinaryPayload.decode(BinaryPayload.encode(decoded.packets()), maxPackets)
                    .packets(), input);
        }
    }

    /** {@code <length>:<record>} pieces, the length right or drawn, sometimes one piece repeated. */
    static String v3PayloadBody(FuzzedDataProvider data) {
        StringBuilder body = new StringBuilder();
        int records = data.consumeInt(0, 12);
        for (int r = 0; r < records; r++) {
            String record = FuzzInputs.text(data, V3_PACKETS, TOKENS, 200);
            int length = data.consumeBoolean() ? record.length() : data.consumeInt(0, 300);
            String piece = length + ":" + record;
            boolean repeat = data.consumeInt(0, 7) == 0; // amplification, up to about 20,000 characters
            body.append(repeat ? piece.repeat(data.consumeInt(1, Math.max(1, 20_000 / piece.length()))) : piece);
        }
        return body.toString();
    }

    /** Records from valid packets, edited packets or tokens, joined by the separator; sometimes one record repeated. */
    static String payloadBody(FuzzedDataProvider data) {
        if (data.consumeInt(0, 7) == 0) {
            return (data.pickValue(PACKETS) + Payload.SEPARATOR).repeat(data.consumeInt(1, 3000));
        }
        StringBuilder body = new StringBuilder();
        int records = data.consumeInt(0, 12);
        for (int r = 0; r < records; r++) {
            if (r > 0) body.append(Payload.SEPARATOR);
            body.append(FuzzInputs.text(data, PACKETS, TOKENS, 200));
        }
        return body.toString();
    }

    /**
     * Per character: the worst record is two characters ({@code 4}, separator) that cost a substring (object and
     * array), a Packet and a list slot, about 45 bytes a character; base64 costs a copy without whitespace, the
     * Latin-1 bytes and the output, about 5 bytes a character. Fixed: exception messages. Fourfold headroom.
     */
    static long allocationBound(int length) {
        return 200L * length + 64 * 1024;
    }

    /** Stands for "nothing may be thrown" in {@link GuardedCall#expectReturnOr}. */
    private static final class NoException extends Exception {
    }
}
