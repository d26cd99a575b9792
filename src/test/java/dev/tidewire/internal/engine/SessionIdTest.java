package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SessionIdTest {
    private static final Pattern URL_SAFE_20 = Pattern.compile("[A-Za-z0-9_-]{20}");

    @Test
    void idsAreTwentyUrlSafeCharacters() {
        for (int i = 0; i < 1000; i++) {
            String id = SessionIds.next();
            assertTrue(URL_SAFE_20.matcher(id).matches(), id);
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) assertTrue(seen.add(SessionIds.next()));
    }

    @Test
    void handshakesGetDistinctUrlSafeSids() {
        TestEngine t = new TestEngine();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String sid = t.handshakePolling();
            assertTrue(URL_SAFE_20.matcher(sid).matches(), sid);
            sids.add(sid);
        }
        for (int i = 0; i < 50; i++) {
            FakeWebSocketConnection ws = new FakeWebSocketConnection();
            t.handshakeWebSocket(ws);
            String sid = TestEngine.sidOf((String) ws.frames.get(0));
            assertTrue(URL_SAFE_20.matcher(sid).matches(), sid);
            sids.add(sid);
        }
        assertEquals(250, sids.size());
        assertEquals(250, t.server.sessionCount());
    }
}
