package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.Scheduler;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session ids handed to the UI after a login with the password, which it sends back as {@code {sessionId}} when it
 * reconnects, as the reference's session store. Unlike the reference's in-memory store, which keeps every id forever,
 * an id expires after a day (the reference's Redis store's default) and only the newest {@value #MAX_SESSIONS} are
 * kept: each login adds one, and the heap must not grow without limit.
 */
final class AdminSessions {
    static final int MAX_SESSIONS = 1000;
    static final long TTL_MILLIS = 24 * 60 * 60 * 1000L;
    private static final int ID_BYTES = 8; // 16 hex digits, as the reference's randomBytes(8).toString("hex")

    private final Scheduler clock;
    private final SecureRandom random = new SecureRandom();
    /** Session id to the time it was created, oldest first. */
    private final LinkedHashMap<String, Long> sessions = new LinkedHashMap<>();

    AdminSessions(Scheduler clock) {
        this.clock = clock;
    }

    /** A new session id, now valid. */
    String create() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        long now = clock.nowMillis();
        synchronized (sessions) {
            dropExpired(now);
            sessions.put(id, now);
            if (sessions.size() > MAX_SESSIONS) sessions.remove(sessions.keySet().iterator().next());
        }
        return id;
    }

    boolean isValid(String id) {
        synchronized (sessions) {
            dropExpired(clock.nowMillis());
            return sessions.containsKey(id);
        }
    }

    private void dropExpired(long now) {
        Iterator<Map.Entry<String, Long>> oldestFirst = sessions.entrySet().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().getValue() >= TTL_MILLIS) oldestFirst.remove();
    }
}
