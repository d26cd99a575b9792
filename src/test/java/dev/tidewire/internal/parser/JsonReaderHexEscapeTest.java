package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The four hex digits of a {@code \\u} escape are ASCII (RFC 8259 HEXDIG); found by JsonReaderFuzzTest. */
class JsonReaderHexEscapeTest {
    @Test
    void fullwidthDigitIsNotAHexDigit() {
        // backslash-u, d83, then U+FF10 FULLWIDTH DIGIT ZERO: Character.digit read it as 0, JSON.parse rejects it
        assertThrows(SioParseException.class, () -> JsonReader.parse("\"\\ud83\uff10\"", 32));
    }

    @Test
    void otherScriptsDigitsAndFullwidthLettersAreNotHexDigits() {
        assertThrows(SioParseException.class, () -> JsonReader.parse("\"\\u\u0660\u0660\u0660\u0660\"", 32));
        assertThrows(SioParseException.class, () -> JsonReader.parse("\"\\u00\uff21\uff21\"", 32));
    }

    @Test
    void asciiHexDigitsInBothCases() throws Exception {
        assertEquals("\u00e9\u00E9\uD83D\uDE00", JsonReader.parse("\"\\u00e9\\u00E9\\ud83D\\uDE00\"", 32));
    }
}
