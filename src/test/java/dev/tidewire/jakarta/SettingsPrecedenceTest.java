package dev.tidewire.jakarta;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chain of sources: the first that has a key wins, the others fill in, the default comes last. */
class SettingsPrecedenceTest {
    private static SettingSource source(Map<String, String> values) {
        return values::get;
    }

    private final Settings settings = Settings.of(
            source(Map.of("tidewire.pingInterval", "1000", "tidewire.path", " /io/ ")),
            source(Map.of("tidewire.pingInterval", "2000", "tidewire.pingTimeout", "3000")));

    @Test
    void theFirstSourceWithTheKeyWins() {
        assertEquals(1000, settings.getLong("tidewire.pingInterval", 0));
    }

    @Test
    void aLaterSourceFillsInWhatTheFirstLacks() {
        assertEquals(3000, settings.getInt("tidewire.pingTimeout", 0));
    }

    @Test
    void theDefaultWhenNoSourceHasTheKey() {
        assertNull(settings.get("tidewire.upgradeTimeout"));
        assertEquals(10000, settings.getLong("tidewire.upgradeTimeout", 10000));
    }

    @Test
    void valuesAreTrimmedWhicheverSourceGaveThem() {
        assertEquals("/io/", settings.get("tidewire.path", "/socket.io/"));
    }

    @Test
    void aBadValueInTheWinningSourceStopsEvenWhenALaterOneIsGood() {
        Settings s = Settings.of(source(Map.of("tidewire.cookie", "yes")),
                source(Map.of("tidewire.cookie", "true")));
        assertThrows(IllegalArgumentException.class, () -> s.getBoolean("tidewire.cookie", false));
    }
}
