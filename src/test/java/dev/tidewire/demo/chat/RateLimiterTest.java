package dev.tidewire.demo.chat;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, 2, nanos::get);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    void aBurstThenRefusal() {
        for (int i = 0; i < 3; i++) assertTrue(limiter.tryAcquire("a"), "token " + i);
        assertFalse(limiter.tryAcquire("a"));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) limiter.tryAcquire("a");
        advanceMillis(499);
        assertFalse(limiter.tryAcquire("a"));
        advanceMillis(2);
        assertTrue(limiter.tryAcquire("a"), "2 per second: one token after 500 ms");
        assertFalse(limiter.tryAcquire("a"));
        advanceMillis(60_000);
        for (int i = 0; i < 3; i++) assertTrue(limiter.tryAcquire("a"), "refilled up to the burst, token " + i);
        assertFalse(limiter.tryAcquire("a"), "never above the burst");
    }

    @Test
    void keysAreIndependentAndForgotten() {
        for (int i = 0; i < 3; i++) limiter.tryAcquire("a");
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"));
        limiter.forget("a");
        limiter.forget("b");
        assertEquals(0, limiter.trackedKeys());
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0));
    }
}
