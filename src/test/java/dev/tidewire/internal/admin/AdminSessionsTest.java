package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session store: ids are random, expire after a day, and only the newest are kept. */
class AdminSessionsTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final AdminSessions sessions = new AdminSessions(clock);

    @Test
    void anIdIsValidUntilADayHasPassed() {
        String id = sessions.create();
        clock.advance(AdminSessions.TTL_MILLIS - 1);
        assertTrue(sessions.isValid(id));
        clock.advance(1);
        assertFalse(sessions.isValid(id));
    }

    @Test
    void theOldestIdGoesWhenTheStoreIsFull() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= AdminSessions.MAX_SESSIONS; i++) ids.add(sessions.create());
        assertEquals(AdminSessions.MAX_SESSIONS + 1, new HashSet<>(ids).size(), "all different");
        assertFalse(sessions.isValid(ids.get(0)));
        assertTrue(sessions.isValid(ids.get(1)));
        assertTrue(sessions.isValid(ids.get(ids.size() - 1)));
    }

    @Test
    void anIdNeverHandedOutIsNotValid() {
        sessions.create();
        assertFalse(sessions.isValid("0123456789abcdef"));
    }
}
