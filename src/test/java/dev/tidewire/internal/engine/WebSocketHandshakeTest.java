package dev.tidewire.internal.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketHandshakeTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ=="; // RFC 6455's example: 16 bytes

    @Test
    void aSixteenByteKeyWithVersion13Or8IsValid() {
        assertTrue(WebSocketHandshake.isValid(KEY, "13"));
        assertTrue(WebSocketHandshake.isValid(" " + KEY + " ", " 8 "));
    }

    @Test
    void aMissingOrMalformedKeyIsNot() {
        assertFalse(WebSocketHandshake.isValid(null, "13"));
        assertFalse(WebSocketHandshake.isValid("", "13"));
        assertFalse(WebSocketHandshake.isValid("not base64!", "13"));
        assertFalse(WebSocketHandshake.isValid("AAAA", "13"), "3 bytes");
    }

    @Test
    void aMissingOrOtherVersionIsNot() {
        assertFalse(WebSocketHandshake.isValid(KEY, null));
        assertFalse(WebSocketHandshake.isValid(KEY, "12"));
        assertFalse(WebSocketHandshake.isValid(KEY, "thirteen"));
    }
}
