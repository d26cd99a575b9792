package dev.tidewire.internal.parser;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidewire.internal.fuzz.FuzzInputs;
import dev.tidewire.internal.fuzz.GuardedCall;
import dev.tidewire.internal.fuzz.JsonTrees;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes {@link JsonReader#parse(String, int)}: only {@link SioParseException} escapes, no call hangs, allocation
 * grows at most linearly with the input, accepted trees respect the depth limit, and the reader accepts exactly what
 * an independent strict parser (Parsson, JSON-P) accepts within that limit.
 */
public class JsonReaderFuzzTest {
    static final String[] SEEDS = {
            "{\"a\":[1,2.5,-3e2,true,false,null,\"x\\n\\u00e9\\ud83d\\ude00\"],\"b\":{}}", "[]", "{}", "\"\"", "0",
            "-0.0", "[[[[]]]]", "{\"k\":{\"k\":{\"k\":[]}}}", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]", "123456789012345678901",
            "{\"_placeholder\":true,\"num\":0}", " [ 1 , { \"a\" : null } ] ", "\"\\uD800\"", "1e999", "[1,[2,[3]]]"};
    static final String[] TOKENS = {
            "[", "]", "{", "}", ",", ":", "\"", "\"a\"", "\"\\u", "\\u00", "\\uD83D\\uDE00", "\\", "\\x", "true", "tru",
            "false", "null", "nul", "-", "0", "1", ".", "e", "E+", "e-", " ", "\t", "\n", "\r", "[[[[[[[[", "]]]]]]]]",
            "{\"a\":", "\"k\":1,", "/*", "//", "'a'", "NaN", "Infinity", ",]", ",}"};

    /** Generous: the parser needs microseconds; 2 s leaves room for a slow shared machine and a GC pause. */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    @FuzzTest(maxDuration = "30s")
    void parse(FuzzedDataProvider data) {
        check(data);
    }

    /** One fuzz input's worth of checks; {@link dev.tidewire.internal.fuzz.DecodersFuzzTest} calls it too. */
    public static void check(FuzzedDataProvider data) {
        int maxDepth = data.consumeBoolean() ? data.consumeInt(1, 8) : data.consumeInt(1, 200);
        String text = FuzzInputs.text(data, SEEDS, TOKENS, 2000);
        Supplier<String> input = () -> FuzzInputs.render(text) + " with maxDepth " + maxDepth;

        GuardedCall.Outcome<Object> outcome = GuardedCall.expectReturnOr(SioParseException.class,
                () -> () -> JsonReader.parse(text, maxDepth), DEADLINE, allocationBound(text), input);
        boolean accepted = outcome.thrown() == null;
        if (accepted) {
            assertTrue(JsonTrees.depth(outcome.value()) <= maxDepth, () -> "deeper than the limit: " + input.get());
            assertTrue(JsonTrees.onlyJsonTypes(outcome.value()), () -> "unexpected node type: " + input.get());
        }
        Boolean referenceAccepts = parssonAccepts(text, maxDepth);
        if (referenceAccepts != null) {
            assertEquals(referenceAccepts, accepted, () -> "Parsson " + (referenceAccepts ? "accepts" : "rejects")
                    + " what the reader " + (accepted ? "accepts" : "rejects") + ": " + input.get());
        }
    }

    /**
     * Per character: a one-character string element ({@code "a",}: 4 characters) costs a String, its array and a
     * list slot, about 12 bytes a character, and a short number with an exponent ({@code 1e-300,}) costs the JDK's
     * BigInteger arithmetic in Double.parseDouble, measured at up to about 60 bytes a character. Fixed: exception
     * messages and their stack traces. Both with three- to fourfold headroom.
     */
    static long allocationBound(String text) {
        return 256L * text.length() + 256 * 1024;
    }

    /**
     * Whether Parsson accepts {@code text} as one JSON value with nothing after it, or {@code null} when it cannot
     * judge: the value nests deeper than {@code maxDepth}, which our reader must reject while Parsson has its own
     * limit. Only the event stream is read: materialising values would make Parsson build BigDecimals that fail on
     * valid numbers with huge exponents.
     */
    static Boolean parssonAccepts(String text, int maxDepth) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            int depth = 0;
            int deepest = 0;
            do {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> deepest = Math.max(deepest, ++depth);
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            } while (parser.hasNext()); // after the value, hasNext() rejects anything but the end
            return deepest <= maxDepth ? Boolean.TRUE : null;
        } catch (JsonException | NoSuchElementException rejected) { // NoSuchElement: no value at all
            return Boolean.FALSE;
        } catch (RuntimeException e) {
            // Parsson's own depth limit (1000, far over ours) throws a plain RuntimeException: no verdict
            if (String.valueOf(e.getMessage()).startsWith("Input is too deeply nested")) return null;
            throw e;
        }
    }
}
