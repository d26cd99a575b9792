package dev.tidewire.internal.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Builds decoder inputs from the fuzzer's bytes. Random strings alone rarely get past a decoder's first check, so
 * most inputs are valid encodings with a few edits, or sequences of the protocol's own tokens; the rest are arbitrary
 * text. Every choice is drawn from the fuzzer's bytes, so the fuzzer's coverage feedback steers the structure too.
 */
public final class FuzzInputs {
    /** Characters that decoders trip over in any protocol: controls, surrogate halves, non-ASCII digits and letters. */
    private static final String[] AWKWARD = {
            "\u0000", "\u001f", "\u001e", "\u007f", "\n", "\r", "\t", " ", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
            "\uD83D\uDE00", "\uFEFF", "é", "\u0660", "\uFF10", "\uFF21", "\u2028"};

    private FuzzInputs() {
    }

    /**
     * A valid encoding from {@code seeds} edited a few times, a sequence of {@code tokens}, or arbitrary text.
     *
     * @param maxRepeat the most copies of one piece an edit may make, so that long inputs occur (amplification)
     */
    public static String text(FuzzedDataProvider data, String[] seeds, String[] tokens, int maxRepeat) {
        return switch (data.consumeInt(0, 4)) {
            case 0, 1 -> mutate(data, data.pickValue(seeds), tokens, maxRepeat);
            case 2, 3 -> tokens(data, tokens, maxRepeat);
            default -> data.consumeString(data.consumeInt(0, 512));
        };
    }

    /** {@code seed} with between one and four edits: insert, delete, replace or repeat a piece, or truncate. */
    public static String mutate(FuzzedDataProvider data, String seed, String[] tokens, int maxRepeat) {
        StringBuilder s = new StringBuilder(seed);
        int edits = data.consumeInt(1, 4);
        for (int e = 0; e < edits; e++) {
            int at = data.consumeInt(0, s.length());
            switch (data.consumeInt(0, 4)) {
                case 0 -> s.insert(at, piece(data, tokens));
                case 1 -> s.delete(at, Math.min(s.length(), at + data.consumeInt(1, 8)));
                case 2 -> s.replace(at, Math.min(s.length(), at + 1), piece(data, tokens));
                case 3 -> {
                    int end = Math.min(s.length(), at + data.consumeInt(1, 16));
                    s.insert(at, s.substring(at, end).repeat(data.consumeInt(1, maxRepeat)));
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    /** Up to 32 pieces: protocol tokens, awkward characters, numbers, arbitrary text, or a token repeated. */
    public static String tokens(FuzzedDataProvider data, String[] tokens, int maxRepeat) {
        StringBuilder s = new StringBuilder();
        int pieces = data.consumeInt(1, 32);
        for (int p = 0; p < pieces && data.remainingBytes() > 0; p++) {
            if (data.consumeInt(0, 7) == 0) s.append(data.pickValue(tokens).repeat(data.consumeInt(1, maxRepeat)));
            else s.append(piece(data, tokens));
        }
        return s.toString();
    }

    private static String piece(FuzzedDataProvider data, String[] tokens) {
        return switch (data.consumeInt(0, 5)) {
            case 0, 1, 2 -> data.pickValue(tokens);
            case 3 -> data.pickValue(AWKWARD);
            case 4 -> number(data);
            default -> data.consumeString(8);
        };
    }

    /** Small, boundary and huge numbers in JSON's and JavaScript's spellings. */
    private static String number(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> Integer.toString(data.consumeInt());
            case 1 -> Long.toString(data.consumeLong());
            case 2 -> data.pickValue(new String[]{"2147483647", "2147483648", "9223372036854775807",
                    "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551616"});
            case 3 -> data.pickValue(new String[]{"1e999", "-1e999", "1e-999", "4.9e-324", "1.7976931348623157e308",
                    "0.1", "-0", "-0.0", "1E400", "1.0", "1e3", "00", "01", "1.", ".5", "1e", "1e+", "--1", "NaN",
                    "Infinity"});
            case 4 -> "9".repeat(data.consumeInt(19, 400));
            default -> "1" + "0".repeat(data.consumeInt(0, 40)) + "e" + data.consumeInt(-400, 400);
        };
    }

    /** The input as a Java string literal (controls, surrogates and non-ASCII escaped), cut at 2000 characters. */
    public static String render(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 2000) + 32).append('"');
        int shown = Math.min(s.length(), 2000);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7f) out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        }
        out.append('"');
        if (shown < s.length()) out.append(" … (").append(s.length()).append(" characters in all)");
        return out.toString();
    }
}
