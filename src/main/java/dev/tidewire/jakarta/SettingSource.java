package dev.tidewire.jakarta;

/** One place configuration values come from, asked in {@link Settings}' order. */
@FunctionalInterface
interface SettingSource {
    /** The raw value of {@code key}, or {@code null} when this source does not have it. */
    String value(String key);
}
