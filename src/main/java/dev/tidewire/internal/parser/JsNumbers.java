package dev.tidewire.internal.parser;

/**
 * Formats floating-point numbers the way JavaScript's {@code Number#toString} (and so {@code JSON.stringify}) does:
 * {@code 1.0 → 1}, {@code 1e21 → 1e+21}, {@code 1e-7 → 1e-7}, {@code 0.00001 → 0.00001}, non-finite → {@code null}.
 * Clients compare what they receive with what a Node server would send, so the text form matters.
 *
 * <p>The digits come from {@link Double#toString}. Before JDK 19 it is not always the shortest form (JDK-4511638:
 * {@code Double.MIN_VALUE} gives {@code 4.9e-324} where JS writes {@code 5e-324}); such rare texts are one digit longer
 * but parse back to the same double.
 */
final class JsNumbers {
    /** Below this every integral double converts to long exactly (2^53 ≈ 9.007e15). */
    private static final double EXACT_LONG_BOUND = 1e15;

    private JsNumbers() {
    }

    /** Whether {@code d} is a whole number that a long holds exactly; false for NaN and the infinities. */
    static boolean isLongIntegral(double d) {
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
    }

    /** A number as read from a client: JavaScript has one number type, so {@code 1.0} and {@code 1e3} are Longs. */
    static Object jsNumber(double d) {
        return isLongIntegral(d) ? (Object) (long) d : (Object) d;
    }

    static void appendDouble(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else if (d == 0) {
            out.append('0'); // JSON.stringify(-0) is "0"
        } else if (Math.abs(d) < EXACT_LONG_BOUND && d == Math.rint(d)) {
            out.append((long) d); // the common case: an integral value, no string round trip
        } else {
            appendJsForm(out, Double.toString(d));
        }
    }

    static void appendFloat(StringBuilder out, float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            out.append("null");
        } else if (f == 0) {
            out.append('0');
        } else if (Math.abs(f) < EXACT_LONG_BOUND && f == Math.rint(f)) {
            out.append((long) f);
        } else {
            // Float.toString gives the float's own shortest digits (0.1f → "0.1", not 0.10000000149011612)
            appendJsForm(out, Float.toString(f));
        }
    }

    /**
     * Re-lays Java's decimal form ({@code 123.45}, {@code 1.0E-5}) out per ECMAScript Number::toString: with digits
     * {@code s} (k of them) and point position {@code n} (value = 0.s × 10^n).
     */
    private static void appendJsForm(StringBuilder out, String java) {
        int i = 0;
        if (java.charAt(0) == '-') {
            out.append('-');
            i = 1;
        }
        int end = java.length();
        int exp = 0;
        int e = java.indexOf('E');
        if (e >= 0) {
            exp = Integer.parseInt(java, e + 1, end, 10);
            end = e;
        }
        char[] digits = new char[end - i];
        int count = 0;
        int point = -1;
        for (int j = i; j < end; j++) {
            char c = java.charAt(j);
            if (c == '.') point = count;
            else digits[count++] = c;
        }
        if (point < 0) point = count;
        int first = 0;
        while (first < count - 1 && digits[first] == '0') first++;
        int last = count; // exclusive; trailing zeros carry no information
        while (last > first + 1 && digits[last - 1] == '0') last--;
        int k = last - first;
        int n = point - first + exp;

        if (k <= n && n <= 21) {
            out.append(digits, first, k);
            for (int z = k; z < n; z++) out.append('0');
        } else if (0 < n && n <= 21) {
            out.append(digits, first, n).append('.').append(digits, first + n, k - n);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int z = n; z < 0; z++) out.append('0');
            out.append(digits, first, k);
        } else {
            out.append(digits[first]);
            if (k > 1) out.append('.').append(digits, first + 1, k - 1);
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
    }
}
