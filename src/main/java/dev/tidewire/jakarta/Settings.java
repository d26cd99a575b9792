package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Reads configuration keys ({@code tidewire.*}): a JVM system property wins over a servlet context parameter of the
 * same name, which wins over the default.
 */
public final class Settings {
    private final ServletContext context;

    public Settings(ServletContext context) {
        this.context = context;
    }

    public String get(String key) {
        String v = System.getProperty(key);
        if (v == null && context != null) v = context.getInitParameter(key);
        return v == null ? null : v.trim();
    }

    public String get(String key, String defaultValue) {
        String v = get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    /** A whole number: {@code 1000} or {@code 1e6} (as the reference's docs write sizes); anything else stops. */
    public long getLong(String key, long defaultValue) {
        String v = get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        try {
            return new BigDecimal(v).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be a whole number (1000 or 1e6), was: " + v);
        }
    }

    /** As {@link #getLong}, within the range of an {@code int}: never narrowed silently. */
    public int getInt(String key, int defaultValue) {
        long n = getLong(key, defaultValue);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("configuration key " + key + " must be at most " + Integer.MAX_VALUE
                    + ", was: " + n);
        }
        return (int) n;
    }

    /** {@code true} or {@code false} (any case); anything else stops, rather than meaning false. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException("configuration key " + key + " must be true or false, was: " + v);
    }

    public List<String> getList(String key, List<String> defaultValue) {
        String v = get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
