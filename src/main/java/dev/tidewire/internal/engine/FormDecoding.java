package dev.tidewire.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Decodes {@code application/x-www-form-urlencoded} components leniently, as Node's {@code querystring} and
 * {@code URLSearchParams} do: {@code +} is a space, {@code %XX} a byte of UTF-8, and a {@code %} without two hex digits
 * stays as it is (where {@code URLDecoder} would throw).
 */
public final class FormDecoding {
    /** Pairs read from one query or form at most, the rest ignored: Node's {@code querystring} {@code maxKeys}. */
    public static final int MAX_PAIRS = 1000;

    private FormDecoding() {
    }

    /**
     * Hands each {@code name=value} pair of {@code s} from {@code from} to before {@code to} (pairs separated by
     * {@code &}) to {@code pair}, both decoded, in order, as Node's {@code querystring.parse} reads them: a pair without
     * {@code =} has the empty value, empty pairs are skipped, and only the first {@link #MAX_PAIRS} are read.
     */
    public static void forEachPair(String s, int from, int to, BiConsumer<String, String> pair) {
        int start = from;
        int pairs = 0;
        while (start <= to && pairs < MAX_PAIRS) {
            int end = indexOf(s, '&', start, to);
            if (end > start) {
                pairs++;
                int nameEnd = indexOf(s, '=', start, end);
                pair.accept(decode(s, start, nameEnd), nameEnd == end ? "" : decode(s, nameEnd + 1, end));
            }
            start = end + 1;
        }
    }

    public static String decode(String s, int from, int to) {
        ByteArrayOutputStream bytes = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '%') {
                bytes = new ByteArrayOutputStream(to - from);
                break;
            }
        }
        if (bytes == null) return s.substring(from, to); // nothing encoded: the common case
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int hi = c == '%' ? hex(s, i + 1, to) : -1;
            int lo = hi >= 0 ? hex(s, i + 2, to) : -1;
            if (c == '+') {
                bytes.write(' ');
            } else if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c); // ASCII is its own UTF-8
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))
                        ? i + 2 : i + 1;
                byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The first {@code c} in {@code s} from {@code from} to before {@code to}, or {@code to}: never scans past a pair. */
    public static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) return i;
        }
        return to;
    }

    /** An ASCII hex digit's value, or -1 (also at or past {@code to}). */
    private static int hex(String s, int i, int to) {
        if (i >= to) return -1;
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
