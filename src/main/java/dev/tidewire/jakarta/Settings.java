package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Reads configuration keys ({@code tidewire.*}) from an ordered list of sources; the first that has a key wins, else
 * the default. Where the server has MicroProfile Config, it comes first, with its own sources by ordinal (system
 * properties 400, environment variables 300, {@code META-INF/microprofile-config.properties} 100, and any the server
 * adds); then the servlet context parameter. Without it: JVM system property, then context parameter.
 */
public final class Settings {
    private final List<SettingSource> sources;

    /** The sources of the deployment whose context this is; {@code null} reads no context parameters. */
    public Settings(ServletContext context) {
        this(SettingSources.of(context));
    }

    private Settings(List<SettingSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Settings over these sources, most important first. */
    static Settings of(SettingSource... sources) {
        return new Settings(List.of(sources));
    }

    public String get(String key) {
        for (SettingSource source : sources) {
            String v = source.value(key);
            if (v != null) return v.trim();
        }
        return null;
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
