package dev.tidewire.demo.chat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a socket id): {@code burst} actions at once, then {@code perSecond} actions a second.
 * Thread-safe; {@link #forget} drops a key's bucket when its socket leaves.
 */
public final class RateLimiter {
    private final double burst;
    private final double perNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    public RateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst < 1 || perSecond <= 0) throw new IllegalArgumentException("burst >= 1 and perSecond > 0 required");
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoClock = nanoClock;
    }

    public RateLimiter(int burst, double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    /** Takes one token for {@code key}; false when its bucket is empty (the action should be refused). */
    public boolean tryAcquire(String key) {
        boolean[] granted = {false};
        long now = nanoClock.getAsLong();
        buckets.compute(key, (k, b) -> {
            if (b == null) b = new Bucket(burst, now);
            b.tokens = Math.min(burst, b.tokens + Math.max(0, now - b.lastNanos) * perNano);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                granted[0] = true;
            }
            return b;
        });
        return granted[0];
    }

    public void forget(String key) {
        buckets.remove(key);
    }

    int trackedKeys() {
        return buckets.size();
    }
}
