package dev.tidewire.internal.parser;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidewire.internal.fuzz.FuzzInputs;
import dev.tidewire.internal.fuzz.GuardedCall;
import dev.tidewire.internal.fuzz.JsonTrees;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes {@link SioDecoder} over a sequence of text and binary frames on one connection, with fuzzed
 * {@link ParserLimits}. Only {@link SioParseException} escapes, no call hangs, allocation grows at most linearly with
 * the input, decoded packets respect the limits, and after a rejected frame no binary packet is left pending.
 */
public class SioDecoderFuzzTest {
    static final String PLACEHOLDER = "{\"_placeholder\":true,\"num\":";
    static final String[] PACKETS = {
            "0", "0/admin,{\"token\":\"123\"}", "0/custom", "1", "1/admin,", "2[\"x\"]", "2/admin,[\"x\",{\"a\":[1]}]",
            "212[\"foo\"]", "3/admin,13[\"bar\"]", "31[]", "4{\"message\":\"err\"}", "4\"err\"", "50-[\"x\"]",
            "51-[\"up\"," + PLACEHOLDER + "0}]", "52-/nsp,7[\"a\"," + PLACEHOLDER + "1}," + PLACEHOLDER + "0}]",
            "61-3[" + PLACEHOLDER + "0}]", "62-[{\"k\":[" + PLACEHOLDER + "1}]}," + PLACEHOLDER + "0}]"};
    static final String[] TOKENS = {
            "0", "1", "2", "3", "4", "5", "6", "7", "-", "/", "/x,", "/", ",", "10-", "99-", "1-", "0-",
            "9999999999999999999", "2147483648", "12", PLACEHOLDER, "0}", "1}", "-1}", "1.5}", "\"0\"}", "true}",
            "\"_placeholder\":true", "[", "]", "{", "}", "\"", "\"connect\"", "\"disconnect\"", "\"newListener\"", ":",
            "null", "[[[[[[[[", "]]]]]]]]", "\\u0000"};

    /** Generous: the decoder needs microseconds; 2 s leaves room for a slow shared machine and a GC pause. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "30s")
    void decoder(FuzzedDataProvider data) {
        check(data);
    }

    /** One fuzz input's worth of checks; {@link dev.tidewire.internal.fuzz.DecodersFuzzTest} calls it too. */
    public static void check(FuzzedDataProvider data) {
        ParserLimits limits = new ParserLimits(
                data.pickValue(new int[]{0, 1, 2, 10, data.consumeInt(0, 100), Integer.MAX_VALUE}),
                data.consumeBoolean() ? data.consumeInt(1, 8) : data.consumeInt(1, 64),
                data.pickValue(new long[]{0, 1, 9, 1000, Integer.MAX_VALUE, Long.MAX_VALUE}));
        List<Object> frames = new ArrayList<>(); // String (a text frame) or byte[] (a binary frame)
        int count = data.consumeInt(1, 8);
        for (int f = 0; f < count; f++) {
            frames.add(data.consumeInt(0, 2) == 0 ? data.consumeBytes(data.consumeInt(0, 32))
                    : FuzzInputs.text(data, PACKETS, TOKENS, 1000));
        }
        runSession(limits, frames);
    }

    static void runSession(ParserLimits limits, List<Object> frames) {
        SioDecoder decoder = new SioDecoder(limits);
        List<byte[]> sincePending = new ArrayList<>(); // the attachments given since a packet started waiting
        int pendingTextLength = 0;
        for (int f = 0; f < frames.size(); f++) {
            Object frame = frames.get(f);
            int index = f;
            Supplier<String> input = () -> describe(limits, frames, index);
            long bound = frame instanceof String text ? allocationBound(text.length())
                    : allocationBound(pendingTextLength);
            // a second, measured run must start from the same state: a fresh decoder that has seen the earlier
            // frames (replayed here, outside the measurement)
            GuardedCall.Outcome<SioPacket> outcome = GuardedCall.expectReturnOr(SioParseException.class,
                    new FirstFrom<>(() -> call(decoder, frame), () -> {
                        SioDecoder again = replayed(limits, frames, index);
                        return () -> call(again, frame);
                    }), DEADLINE, bound, input);

            if (frame instanceof byte[] bytes) sincePending.add(bytes);
            if (outcome.thrown() != null) {
                assertFalse(decoder.awaitingAttachments(), () -> "a packet still pending after an error: " + input.get());
                sincePending.clear();
                continue;
            }
            SioPacket packet = outcome.value();
            if (packet == null) {
                assertTrue(decoder.awaitingAttachments(), () -> "no packet and none pending: " + input.get());
                if (frame instanceof String text) {
                    sincePending.clear();
                    pendingTextLength = text.length();
                }
                continue;
            }
            assertFalse(decoder.awaitingAttachments(), input);
            checkPacket(packet, limits, sincePending, input);
            sincePending.clear();
        }
    }

    private static void checkPacket(SioPacket packet, ParserLimits limits, List<byte[]> given, Supplier<String> input) {
        assertTrue(packet.namespace().startsWith("/"), () -> "namespace " + packet.namespace() + ": " + input.get());
        assertTrue(!packet.hasAck() || packet.ackId() >= 0 && packet.ackId() <= limits.maxAckId(),
                () -> "ack id " + packet.ackId() + ": " + input.get());
        assertTrue(JsonTrees.depth(packet.data()) <= limits.maxDepth(), () -> "deeper than the limit: " + input.get());
        Map<byte[], Boolean> attachments = JsonTrees.attachments(packet.data());
        assertTrue(attachments.size() <= limits.maxAttachments(), () -> "more attachments than the limit: " + input.get());
        for (byte[] a : attachments.keySet()) {
            assertTrue(given.stream().anyMatch(g -> g == a), () -> "an attachment not given to it: " + input.get());
        }
        Object data = packet.data(); // null: the packet came without data, which every type may (as the reference)
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> assertTrue(data == null || data instanceof List<?> args && !args.isEmpty(), input);
            case ACK, BINARY_ACK -> assertTrue(data == null || data instanceof List, input);
            case CONNECT -> assertTrue(data == null || data instanceof Map, input);
            case DISCONNECT -> assertTrue(data == null, input);
            case CONNECT_ERROR -> assertTrue(data == null || data instanceof Map || data instanceof String, input);
        }
    }

    private static SioPacket call(SioDecoder decoder, Object frame) throws SioParseException {
        return frame instanceof String text ? decoder.decodeText(text) : decoder.decodeBinary((byte[]) frame);
    }

    /** A new decoder that has been given {@code frames} before {@code index} (outcomes ignored: already judged). */
    private static SioDecoder replayed(ParserLimits limits, List<Object> frames, int index) {
        SioDecoder decoder = new SioDecoder(limits);
        for (int f = 0; f < index; f++) {
            try {
                call(decoder, frames.get(f));
            } catch (SioParseException ignored) {
                // judged on the first run
            }
        }
        return decoder;
    }

    /** The first call from {@code first}, every later one from {@code then}. */
    private static final class FirstFrom<T> implements Supplier<GuardedCall.Call<T>> {
        private Supplier<GuardedCall.Call<T>> next;
        private final Supplier<GuardedCall.Call<T>> then;

        FirstFrom(GuardedCall.Call<T> first, Supplier<GuardedCall.Call<T>> then) {
            this.next = () -> first;
            this.then = then;
        }

        @Override
        public GuardedCall.Call<T> get() {
            GuardedCall.Call<T> call = next.get();
            next = then;
            return call;
        }
    }

    private static String describe(ParserLimits limits, List<Object> frames, int failing) {
        StringBuilder s = new StringBuilder().append(limits).append(", frames:");
        for (int f = 0; f <= failing; f++) {
            Object frame = frames.get(f);
            s.append("\n  ").append(f == failing ? "→ " : "  ").append(frame instanceof String text
                    ? "text " + FuzzInputs.render(text) : "binary " + ((byte[]) frame).length + " bytes");
        }
        return s.toString();
    }

    /**
     * Per character as for {@link JsonReaderFuzzTest#allocationBound} (the payload is parsed by that reader), plus the
     * namespace substring; restoring placeholders when the last attachment arrives walks the tree parsed from the
     * pending text, so a binary frame is bounded by that text's length. Fourfold headroom.
     */
    static long allocationBound(int length) {
        return 256L * length + 256 * 1024;
    }
}
