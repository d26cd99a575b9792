package dev.tidewire.internal.jakarta;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.tidewire.internal.admin.AdminCredentials;
import dev.tidewire.internal.admin.AdminMode;
import dev.tidewire.internal.admin.AdminUiOptions;
import dev.tidewire.jakarta.Settings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AdminUiOptionsReader} over servlet context parameters: off by default, every key read, bad values named. */
class AdminUiOptionsReaderTest {
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray());
    private final Map<String, String> params = new HashMap<>();

    private Optional<AdminUiOptions> read() {
        return AdminUiOptionsReader.read(settings());
    }

    private Settings settings() {
        return ContextParameters.settingsOf(params);
    }

    private void given(String key, String value) {
        params.put("tidewire.admin." + key, value);
    }

    @Test
    void offUnlessEnabled() {
        given("namespace", "/ops");
        assertEquals(Optional.empty(), read());
        given("enabled", "false");
        assertEquals(Optional.empty(), read());
    }

    @Test
    void enabledAloneHasTheReferenceDefaultsWithoutAuthentication() {
        given("enabled", "true");
        assertEquals(Optional.of(AdminUiOptions.defaults()), read());
        assertEquals("/admin", AdminUiOptions.defaults().namespace());
        assertEquals(AdminMode.DEVELOPMENT, AdminUiOptions.defaults().mode());
    }

    @Test
    void everyKeyIsRead() {
        given("enabled", "true");
        given("namespace", "ops");
        given("auth.username", "admin");
        given("auth.passwordHash", HASH);
        given("mode", "Production");
        given("readonly", "true");
        given("serverId", "node-7");
        assertEquals(Optional.of(new AdminUiOptions("/ops", new AdminCredentials("admin", HASH), AdminMode.PRODUCTION,
                true, "node-7")), read());
    }

    @Test
    void badValuesStopWithTheKeysName() {
        given("enabled", "true");
        given("mode", "staging");
        assertMessageNames("tidewire.admin.mode");
        params.clear();
        given("enabled", "true");
        given("auth.username", "admin");
        assertMessageNames("tidewire.admin.auth.passwordHash");
        given("auth.passwordHash", "s3cret");
        assertMessageNames("tidewire.admin.auth.passwordHash");
        params.clear();
        given("enabled", "true");
        given("auth.passwordHash", HASH);
        assertMessageNames("tidewire.admin.auth.username");
    }

    private void assertMessageNames(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void theUiPageIsServedOnlyWhereAsked() {
        assertEquals(Optional.empty(), AdminUiOptionsReader.uiPath(settings()));
        given("uiPath", "admin-ui/");
        assertEquals(Optional.of("/admin-ui"), AdminUiOptionsReader.uiPath(settings()));
        given("uiPath", "/");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminUiOptionsReader.uiPath(settings()));
        assertTrue(e.getMessage().contains("tidewire.admin.uiPath"), e.getMessage());
    }
}
