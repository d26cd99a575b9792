package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lenient form decoding, as Node's querystring and URLSearchParams: what URLDecoder would refuse is kept. */
class FormDecodingTest {
    private static String decode(String s) {
        return FormDecoding.decode(s, 0, s.length());
    }

    @Test
    void plusIsASpaceAndPercentEscapesAreUtf8Bytes() {
        assertEquals("a b", decode("a+b"));
        assertEquals("a b€", decode("a%20b%E2%82%AC"));
        assertEquals("%", decode("%25"));
    }

    @Test
    void anIncompleteOrNonHexEscapeIsKept() {
        assertEquals("100%", decode("100%"));
        assertEquals("%4", decode("%4"));
        assertEquals("%g0", decode("%g0"));
        assertEquals("%\u0661\u0662", decode("%\u0661\u0662"), "Arabic-Indic digits are not hex digits");
    }

    @Test
    void invalidUtf8BecomesTheReplacementCharacter() {
        assertEquals("\ufffd", decode("%C3"));
    }

    @Test
    void unescapedTextIsKept() {
        assertEquals("é😀", decode("é😀"));
        assertEquals("é😀 ", decode("é😀+"));
    }

    @Test
    void decodesARangeOnly() {
        assertEquals("b c", FormDecoding.decode("a=b+c&d", 2, 5));
        assertEquals(5, FormDecoding.indexOf("a=b+c&d", '&', 0, 7));
        assertEquals(3, FormDecoding.indexOf("a=b+c&d", '&', 0, 3), "not found before the end: the end");
    }
}
