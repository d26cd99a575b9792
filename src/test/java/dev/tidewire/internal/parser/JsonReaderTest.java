package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class JsonReaderTest {

    private static Object parse(String json) throws SioParseException {
        return JsonReader.parse(json, 32);
    }

    private static void assertInvalid(String json) {
        assertThrows(SioParseException.class, () -> parse(json), json);
    }

    @Test
    void scalars() throws Exception {
        assertEquals("x", parse("\"x\""));
        assertEquals(true, parse("true"));
        assertEquals(false, parse("false"));
        assertNull(parse("null"));
        assertEquals(0L, parse("0"));
        assertEquals(-7L, parse("-7"));
    }

    @Test
    void integralNumbersThatFitALongAreLongs() throws Exception {
        assertEquals(Long.MAX_VALUE, parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, parse("-9223372036854775808"));
        assertEquals(123456789012345678L, parse("123456789012345678"));
        assertEquals(1L, parse("1.0"));
        assertEquals(1000L, parse("1e3"));
        assertEquals(0L, parse("-0"));
    }

    @Test
    void otherNumbersAreDoubles() throws Exception {
        assertEquals(9223372036854775808.0, parse("9223372036854775808"));
        assertEquals(1.5, parse("1.5"));
        assertEquals(-2.5e-3, parse("-2.5E-3"));
        assertEquals(1e300, parse("1e+300"));
        assertEquals(1e21, parse("1e21"));
    }

    @Test
    void whitespaceAroundTokens() throws Exception {
        assertEquals(Map.of("a", List.of(1L, 2L)), parse(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n"));
    }

    @Test
    void objectKeyOrderIsKept() throws Exception {
        Map<?, ?> map = (Map<?, ?>) parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
        assertInstanceOf(LinkedHashMap.class, map);
    }

    @Test
    void repeatedKeyKeepsFirstPositionAndLastValue() throws Exception {
        Map<?, ?> map = (Map<?, ?>) parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals(List.of("a", "b"), new ArrayList<>(map.keySet()));
        assertEquals(3L, map.get("a"));
    }

    @Test
    void containersAreMutable() throws Exception {
        List<Object> list = castList(parse("[1]"));
        list.add(2L);
        assertEquals(2, list.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    @Test
    void escapes() throws Exception {
        assertEquals("\"\\/\b\f\n\r\t", parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é\u0000", parse("\"\\u00e9\\u0000\""));
        assertEquals("a\u00E9b", parse("\"a\\u00E9b\""));
    }

    @Test
    void surrogatePairEscapesJoin() throws Exception {
        assertEquals("😀", parse("\"\\ud83d\\ude00\""));
        assertEquals("\ud83d", parse("\"\\ud83d\"")); // JSON.parse accepts a lone surrogate escape
    }

    @Test
    void rawMultibyteAndEmoji() throws Exception {
        assertEquals(List.of("日本語", "😀", "\u2028"), parse("[\"日本語\",\"😀\",\"\u2028\"]"));
    }

    @Test
    void parsesFromAnOffset() throws Exception {
        assertEquals(List.of("a"), JsonReader.parse("212[\"a\"]", 3, 32));
    }

    @Test
    void rejectsTrailingGarbage() {
        assertInvalid("[1]x");
        assertInvalid("1 2");
        assertInvalid("{} {}");
    }

    @Test
    void rejectsNonFiniteLiterals() {
        assertInvalid("NaN");
        assertInvalid("Infinity");
        assertInvalid("-Infinity");
    }

    @Test
    void rejectsMalformedNumbers() {
        assertInvalid("01");
        assertInvalid("-01");
        assertInvalid("1.");
        assertInvalid(".5");
        assertInvalid("1e");
        assertInvalid("1e+");
        assertInvalid("+1");
        assertInvalid("-");
        assertInvalid("0x10");
    }

    @Test
    void rejectsUnescapedControlCharacters() {
        assertInvalid("\"a\nb\"");
        assertInvalid("\"\u0000\"");
        assertInvalid("\"\\n\t\"");
    }

    @Test
    void rejectsBadEscapes() {
        assertInvalid("\"\\x\"");
        assertInvalid("\"\\u12\"");
        assertInvalid("\"\\u12g4\"");
        assertInvalid("\"\\'\"");
    }

    @Test
    void rejectsStructuralErrors() {
        assertInvalid("");
        assertInvalid("   ");
        assertInvalid("[1,]");
        assertInvalid("{\"a\":1,}");
        assertInvalid("[1 2]");
        assertInvalid("{\"a\" 1}");
        assertInvalid("{a:1}");
        assertInvalid("{'a':1}");
        assertInvalid("[");
        assertInvalid("{\"a\":");
        assertInvalid("\"open");
        assertInvalid("tru");
        assertInvalid("nul");
        assertInvalid("[1]//c");
        assertInvalid("\u00a0[1]");
    }

    @Test
    void depthLimitCountsArraysAndObjects() throws Exception {
        assertNotNull(JsonReader.parse("[[{\"a\":[]}]]", 4));
        SioParseException e = assertThrows(SioParseException.class,
                () -> JsonReader.parse("[[{\"a\":[[]]}]]", 4));
        assertTrue(e.getMessage().contains("deeper than 4"), e.getMessage());
    }

    @Test
    void deepNestingFailsWithoutStackOverflow() {
        assertThrows(SioParseException.class, () -> parse("[".repeat(100_000)));
    }

    /** The deepest nesting a deployment may allow, read on a thread with a small (256 KiB) stack. */
    @Test
    void theHighestConfigurableDepthFitsASmallStack() throws Exception {
        int depth = ParserLimits.MAX_DEPTH_CEILING;
        String deepest = "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                JsonReader.parse(deepest, depth);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        reader.start();
        reader.join();
        assertNull(failure.get(), () -> "failed: " + failure.get());
        assertThrows(IllegalArgumentException.class, () -> new ParserLimits(10, depth + 1, 10));
    }

    @Test
    void errorMessageGivesTheOffset() {
        SioParseException e = assertThrows(SioParseException.class, () -> parse("[1,x]"));
        assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
    }
}
