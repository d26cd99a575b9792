package dev.tidewire.internal.jakarta;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlPatternsTest {
    @Test
    void patternsThatMatchTheEnginePath() {
        assertTrue(UrlPatterns.matches("/*", "/socket.io/"));
        assertTrue(UrlPatterns.matches("/", "/socket.io/"));
        assertTrue(UrlPatterns.matches("/socket.io/", "/socket.io/"));
        assertTrue(UrlPatterns.matches("/socket.io/*", "/socket.io/"));
        assertTrue(UrlPatterns.matches("/socket.io/*", "/socket.io"));
    }

    @Test
    void patternsThatDoNot() {
        assertFalse(UrlPatterns.matches("/socket.io/admin/*", "/socket.io/"));
        assertFalse(UrlPatterns.matches("/socket/*", "/socket.io/"));
        assertFalse(UrlPatterns.matches("/api", "/socket.io/"));
        assertFalse(UrlPatterns.matches("*.jsp", "/socket.io/"));
    }
}
