package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine's own JSON strings, as JavaScript's {@code JSON.stringify} writes them. */
class JsonTest {
    /** JSON.stringify's escapes: the short forms where it has them, \\u00xx for other controls, lone surrogates. */
    @Test
    void quotesAsJsonStringify() {
        assertEquals("\"a\\\"b\\\\c\"", Json.quote("a\"b\\c"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", Json.quote("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u001e\"", Json.quote("\u0000\u0001\u001f\u001e"));
        assertEquals("\"/<>'\u007f é€😀\"", Json.quote("/<>'\u007f é€😀"), "no other escapes, pairs kept");
        assertEquals("\"\\ud800x\\udc00\"", Json.quote("\ud800x\udc00"), "lone surrogates escaped");
    }

    /** JSON may hold U+2028 and U+2029 raw, JavaScript source may not: only a script escapes them. */
    @Test
    void onlyAScriptEscapesTheLineAndParagraphSeparators() {
        assertEquals("\"a\u2028b\u2029c\"", Json.quote("a\u2028b\u2029c"));
        assertEquals("\"a\\u2028b\\u2029c\"", Json.quoteForScript("a\u2028b\u2029c"));
        assertEquals("\"\\ud800\\n\"", Json.quoteForScript("\ud800\n"), "the rest as JSON.stringify");
    }
}
