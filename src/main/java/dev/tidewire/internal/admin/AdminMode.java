package dev.tidewire.internal.admin;

import java.util.Locale;

/**
 * How much the Admin UI is told, as the reference's {@code mode} option: in development every socket, room and event
 * is reported as it happens; in production only the periodic server statistics, which cost nothing per message.
 */
public enum AdminMode {
    DEVELOPMENT, PRODUCTION;

    /** {@code development} or {@code production}, any case. */
    public static AdminMode of(String name) {
        for (AdminMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) return m;
        }
        throw new IllegalArgumentException("admin mode must be development or production, was: " + name);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
