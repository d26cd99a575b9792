package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminCredentials;
import dev.tidewire.internal.admin.AdminMode;
import dev.tidewire.internal.admin.AdminUiOptions;
import dev.tidewire.jakarta.Settings;

import java.util.Optional;

/**
 * Binds the Admin UI's options from {@code tidewire.admin.*} settings; the README lists the keys. Empty when
 * {@code tidewire.admin.enabled} is not {@code true}. A bad value stops with the key's name: an unknown mode, a user
 * name without a password hash or the reverse, or a password that is not a bcrypt hash.
 */
final class AdminUiOptionsReader {
    static final String PREFIX = SocketIoOptionsReader.PREFIX + "admin.";
    static final String USERNAME = PREFIX + "auth.username";
    static final String PASSWORD_HASH = PREFIX + "auth.passwordHash";
    static final String UI_PATH = PREFIX + "uiPath";

    private AdminUiOptionsReader() {
    }

    static Optional<AdminUiOptions> read(Settings s) {
        if (!s.getBoolean(PREFIX + "enabled", false)) return Optional.empty();
        AdminUiOptions d = AdminUiOptions.defaults();
        return Optional.of(new AdminUiOptions(s.get(PREFIX + "namespace", d.namespace()), credentials(s), mode(s),
                s.getBoolean(PREFIX + "readonly", d.readonly()), s.get(PREFIX + "serverId", null)));
    }

    /**
     * Where to serve the UI's own page ({@code /admin-ui}: a leading slash, no trailing one); empty when unset. The
     * context root is refused: the page would shadow the application's.
     */
    static Optional<String> uiPath(Settings s) {
        String path = s.get(UI_PATH, "");
        if (path.isEmpty()) return Optional.empty();
        if (!path.startsWith("/")) path = "/" + path;
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("configuration key " + UI_PATH + " must name a path below the context "
                    + "root, such as /admin-ui");
        }
        return Optional.of(path);
    }

    private static AdminCredentials credentials(Settings s) {
        String username = s.get(USERNAME, null);
        String hash = s.get(PASSWORD_HASH, null);
        if (username == null && hash == null) return null;
        if (username == null || hash == null) {
            throw new IllegalArgumentException("configuration keys " + USERNAME + " and " + PASSWORD_HASH
                    + " go together: set both for basic authentication, or neither");
        }
        try {
            return new AdminCredentials(username, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + PASSWORD_HASH + ": " + e.getMessage(), e);
        }
    }

    private static AdminMode mode(Settings s) {
        String key = PREFIX + "mode";
        try {
            return AdminMode.of(s.get(key, AdminMode.DEVELOPMENT.wireName()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + key + ": " + e.getMessage(), e);
        }
    }
}
