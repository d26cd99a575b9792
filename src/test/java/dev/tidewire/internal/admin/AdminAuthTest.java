package dev.tidewire.internal.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Basic authentication of the admin namespace, with the reference's payloads and session ids. */
class AdminAuthTest {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());

    private final ManualScheduler clock = new ManualScheduler();
    private final SioHarness harness = new SioHarness(clock);

    private void start(AdminCredentials account) {
        AdminUi.start(harness.io, harness.engine(), clock, AdminUiOptions.defaults().withCredentials(account),
                AdminTesting.IDENTITY);
    }

    @Test
    void theRightPasswordIsAcceptedAndGivenASessionIdBeforeTheOtherAdminEvents() {
        start(new AdminCredentials("admin", HASH));
        SioHarness.Client ui = harness.open("/admin", "{\"username\":\"admin\",\"password\":\"s3cret\"}");
        assertNotNull(ui.sid(), "connected");
        List<String> events = ui.eventNames();
        // only the notice of the socket's own room (joined as it is accepted, before the listeners) may come first
        assertEquals(List.of("session", "socket_connected", "config", "all_sockets"),
                events.stream().filter(e -> !e.equals("room_joined")).toList());
        String sessionId = (String) ui.last("session");
        assertTrue(sessionId.matches("[0-9a-f]{16}"), "16 hex digits, as randomBytes(8).toString(\"hex\"): " + sessionId);
    }

    @Test
    void aWrongPasswordAUnknownUserOrNoAuthAreRefusedAsInvalidCredentials() {
        start(new AdminCredentials("admin", HASH));
        for (String auth : new String[]{"{\"username\":\"admin\",\"password\":\"guess\"}",
                "{\"username\":\"root\",\"password\":\"s3cret\"}", "{\"username\":\"admin\",\"password\":42}",
                "{\"username\":\"admin\"}", null}) {
            SioHarness.Client ui = harness.open("/admin", auth);
            assertNull(ui.sid(), "refused: " + auth);
            assertEquals("invalid credentials", ui.connectError(), "the message the UI shows its login form for: " + auth);
            assertEquals(List.of(), ui.eventNames());
        }
        assertEquals(0, harness.io.of("/admin").sockets().size());
    }

    @Test
    void aSessionIdHandedOutEarlierLogsInWithoutThePasswordAndWithoutANewSession() {
        start(new AdminCredentials("admin", HASH));
        SioHarness.Client first = harness.open("/admin", "{\"username\":\"admin\",\"password\":\"s3cret\"}");
        String sessionId = (String) first.last("session");
        SioHarness.Client again = harness.open("/admin", "{\"sessionId\":\"" + sessionId + "\"}");
        assertNotNull(again.sid());
        assertEquals(List.of(), again.received("session"));
        assertEquals(1, again.received("config").size());
    }

    @Test
    void anUnknownSessionIdIsRefused() {
        start(new AdminCredentials("admin", HASH));
        SioHarness.Client ui = harness.open("/admin", "{\"sessionId\":\"0123456789abcdef\"}");
        assertNull(ui.sid());
        assertEquals("invalid credentials", ui.connectError());
    }

    @Test
    void withoutAnAccountAnyoneConnects() {
        start(null);
        SioHarness.Client ui = harness.open("/admin", null);
        assertNotNull(ui.sid());
        assertEquals(List.of(), ui.received("session"));
        assertEquals(1, ui.received("config").size());
    }

    @Test
    void aPasswordThatIsNotABcryptHashStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdminCredentials("admin", "s3cret"));
        assertTrue(e.getMessage().contains("bcrypt"), e.getMessage());
    }

    @Test
    void theHashesOfOtherBcryptToolsAreAccepted() {
        String htpasswdForm = HASH.replace("$2a$", "$2y$");
        assertTrue(new AdminCredentials("admin", htpasswdForm).matches("admin", "s3cret"));
        assertTrue(new AdminCredentials("admin", HASH.replace("$2a$", "$2b$")).matches("admin", "s3cret"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsCutAt72BytesAsBcryptjsDoes() {
        String longPassword = "p".repeat(72);
        String hash = BCrypt.withDefaults().hashToString(4, longPassword.toCharArray());
        assertTrue(new AdminCredentials("admin", hash).matches("admin", longPassword + "ignored"));
    }
}
