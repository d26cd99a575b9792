package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;

/**
 * Numbers with a lower bound (and some with an upper one). A configured value below it stops the deployment with a message naming the key; the
 * options' own checks would name only the option, not the key to fix. Defaults are not checked (cors.maxAge's -1
 * means "not sent").
 */
final class OptionBounds {
    private OptionBounds() {
    }

    static long longAtLeast(Settings s, String key, long defaultValue, long min) {
        long v = s.getLong(key, defaultValue);
        if (isSet(s, key) && v < min) throw belowMinimum(key, v, min);
        return v;
    }

    static int intAtLeast(Settings s, String key, int defaultValue, int min) {
        int v = s.getInt(key, defaultValue);
        if (isSet(s, key) && v < min) throw belowMinimum(key, v, min);
        return v;
    }

    static int intBetween(Settings s, String key, int defaultValue, int min, int max) {
        int v = intAtLeast(s, key, defaultValue, min);
        if (v > max) {
            throw new IllegalArgumentException("configuration key " + key + " must be at most " + max + ", was: " + v);
        }
        return v;
    }

    private static boolean isSet(Settings s, String key) {
        String v = s.get(key);
        return v != null && !v.isEmpty();
    }

    private static IllegalArgumentException belowMinimum(String key, long value, long min) {
        String rule = min == 1 ? "must be positive" : "must be at least " + min;
        return new IllegalArgumentException("configuration key " + key + " " + rule + ", was: " + value);
    }
}
