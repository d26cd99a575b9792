package dev.tidewire.internal.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Session ids: 120 random bits from a SecureRandom, URL-safe base64 (20 characters). */
public final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
