package dev.tidewire.internal.engine;

import java.util.Base64;

/**
 * The opening-handshake headers (RFC 6455 section 4.2.1) checked before a container is asked to upgrade, so that
 * a malformed handshake gets the same 400 on every container. Versions 13 and 8 are accepted, as ws accepts them.
 */
final class WebSocketHandshake {
    private static final int KEY_BYTES = 16;

    private WebSocketHandshake() {
    }

    static boolean isValid(String key, String version) {
        if (version == null) return false;
        String v = version.trim();
        if (!v.equals("13") && !v.equals("8")) return false;
        if (key == null) return false;
        try {
            return Base64.getDecoder().decode(key.trim()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
