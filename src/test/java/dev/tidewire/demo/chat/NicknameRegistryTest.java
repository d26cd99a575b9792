package dev.tidewire.demo.chat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NicknameRegistryTest {
    private final NicknameRegistry registry = new NicknameRegistry();

    @Test
    void validNicknames() {
        for (String nick : List.of("a", "ada_l", "Jean-Luc", "o.o", "Zoë", "李雷", "x".repeat(20))) {
            assertNull(NicknameRegistry.validate(nick), nick);
        }
    }

    @Test
    void invalidNicknamesSayWhy() {
        assertEquals("Please choose a nickname.", NicknameRegistry.validate(null));
        assertEquals("Please choose a nickname.", NicknameRegistry.validate(""));
        assertEquals("Please choose a nickname.", NicknameRegistry.validate("   "));
        assertTrue(NicknameRegistry.validate("x".repeat(21)).contains("at most 20"));
        for (String odd : List.of("two words", "<script>", "a&b", "semi;colon", "tab\t", "quote\"", "emoji😀")) {
            assertTrue(NicknameRegistry.validate(odd).startsWith("Use letters"), odd);
        }
        assertTrue(NicknameRegistry.validate("Admin").contains("reserved"));
    }

    @Test
    void aTakenNicknameIsRefusedInAnyCase() {
        assertInstanceOf(NicknameRegistry.Granted.class, registry.claim("Alice", "s1", null));
        NicknameRegistry.Claim second = registry.claim("alice", "s2", null);
        NicknameRegistry.Refused refused = assertInstanceOf(NicknameRegistry.Refused.class, second);
        assertTrue(refused.reason().contains("already taken"), refused.reason());
        assertEquals("s1", registry.socketOf("ALICE"));
        assertEquals("Alice", registry.nickOf("s1"));
        assertEquals(1, registry.count());
    }

    @Test
    void releaseFreesTheNicknameOnlyForItsHolder() {
        registry.claim("bob", "s1", null);
        assertNull(registry.release("s2"));
        assertEquals("bob", registry.release("s1"));
        assertNull(registry.socketOf("bob"));
        assertInstanceOf(NicknameRegistry.Granted.class, registry.claim("bob", "s2", null));
        assertEquals(1, registry.count());
    }

    @Test
    void oneNicknamePerSocket() {
        registry.claim("carol", "s1", null);
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claim("carol2", "s1", null));
    }

    @Test
    void theTokenTakesTheNicknameOverFromAStaleSocket() {
        NicknameRegistry.Granted first = (NicknameRegistry.Granted) registry.claim("dave", "old", null);
        assertNotNull(first.token());
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claim("dave", "new", "wrong-token"));
        NicknameRegistry.Granted again = assertInstanceOf(NicknameRegistry.Granted.class,
                registry.claim("dave", "new", first.token()));
        assertEquals("old", again.replacedSocketId());
        assertEquals(first.token(), again.token());
        assertEquals("new", registry.socketOf("dave"));
        assertNull(registry.release("old"), "the stale socket's disconnect must not free the nickname");
        assertEquals("new", registry.socketOf("dave"));
    }

    @Test
    void concurrentClaimsGrantANicknameOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<NicknameRegistry.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String socket = "s" + i;
                claims.add(pool.submit(() -> {
                    start.await();
                    return registry.claim(socket.hashCode() % 2 == 0 ? "Eve" : "eve", socket, null);
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<NicknameRegistry.Claim> f : claims) {
                if (f.get(10, TimeUnit.SECONDS) instanceof NicknameRegistry.Granted) granted++;
            }
            assertEquals(1, granted);
            assertEquals(1, registry.count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSignedInUserKeepsItsNameInEveryTabUntilTheLastOneLeaves() {
        NicknameRegistry.Granted first = (NicknameRegistry.Granted) registry.claimAsUser("alice", "tab1");
        NicknameRegistry.Granted second = (NicknameRegistry.Granted) registry.claimAsUser("alice", "tab2");
        assertEquals(false, first.anotherTab());
        assertEquals(true, second.anotherTab());
        assertEquals("alice", registry.nickOf("tab2"));
        assertEquals("alice", registry.userOf("ALICE"));
        assertEquals(1, registry.count());

        assertNull(registry.release("tab1"), "alice is still here in another tab");
        assertEquals("alice", registry.nickOf("tab2"));
        assertEquals("tab2", registry.socketOf("alice"));
        assertEquals("alice", registry.release("tab2"));
        assertNull(registry.userOf("alice"));
        assertEquals(0, registry.count());
    }

    @Test
    void guestsAndSignedInUsersNeverShareANickname() {
        registry.claim("bob", "guest", null);
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claimAsUser("bob", "signed-in"));
        assertNull(registry.userOf("bob"));

        registry.claimAsUser("carol", "tab1");
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claim("Carol", "guest2", null));
        NicknameRegistry.Granted carol = (NicknameRegistry.Granted) registry.claimAsUser("carol", "tab2");
        // a guest cannot take a signed-in user's tabs over with the nickname's token either
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claim("carol", "guest3", carol.token()));
        assertEquals("carol", registry.userOf("carol"));
    }

    @Test
    void aUserNameThatIsNoValidNicknameIsRefused() {
        assertInstanceOf(NicknameRegistry.Refused.class, registry.claimAsUser("alice@example.com", "tab1"));
        assertNull(registry.nickOf("tab1"));
    }
}
