package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;

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

    public long getLong(String key, long defaultValue) {
        String v = get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        try {
            return (long) Double.parseDouble(v); // accepts 1e6 as the reference's docs write it
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a number: " + v);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = get(key);
        return v == null || v.isEmpty() ? defaultValue : Boolean.parseBoolean(v);
    }

    public List<String> getList(String key, List<String> defaultValue) {
        String v = get(key);
        if (v == null || v.isEmpty()) return defaultValue;
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
