package dev.tidewire.jakarta;

import dev.tidewire.internal.jakarta.EngineOptionsReader;
import dev.tidewire.internal.engine.EngineOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration values as a deployment reads them: a bad value stops it with a message naming the key. */
class SettingsTest {
    private static final String PREFIX = "tidewire.settings-test.";
    private final Settings settings = new Settings(null); // system properties only
    private final List<String> set = new ArrayList<>();

    private void given(String key, String value) {
        System.setProperty(PREFIX + key, value);
        set.add(PREFIX + key);
    }

    @AfterEach
    void clear() {
        set.forEach(System::clearProperty);
    }

    private static void assertStops(Runnable read, String... inMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::run);
        for (String part : inMessage) assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void wholeNumbersInPlainOrExponentForm() {
        given("a", "1000");
        given("b", "1e6");
        assertEquals(1000, settings.getLong(PREFIX + "a", 0));
        assertEquals(1_000_000, settings.getInt(PREFIX + "b", 0));
        assertEquals(7, settings.getLong(PREFIX + "unset", 7));
    }

    @Test
    void fractionsWordsAndOverflowStopTheDeployment() {
        given("fraction", "1.5");
        given("word", "lots");
        given("huge", "1e30");
        given("overInt", "3000000000");
        assertStops(() -> settings.getLong(PREFIX + "fraction", 0), PREFIX + "fraction", "1.5");
        assertStops(() -> settings.getLong(PREFIX + "word", 0), PREFIX + "word", "lots");
        assertStops(() -> settings.getLong(PREFIX + "huge", 0), PREFIX + "huge");
        assertStops(() -> settings.getInt(PREFIX + "overInt", 0), PREFIX + "overInt", "3000000000");
    }

    @Test
    void booleansAreTrueOrFalseAndNothingElse() {
        given("on", "TRUE");
        given("off", "false");
        given("yes", "yes");
        assertTrue(settings.getBoolean(PREFIX + "on", false));
        assertFalse(settings.getBoolean(PREFIX + "off", true));
        assertStops(() -> settings.getBoolean(PREFIX + "yes", false), PREFIX + "yes", "true or false");
    }

    @Test
    void engineOptionsAreNeverNarrowedAndNegativesAreRefusedByName() {
        EngineOptions base = EngineOptions.builder().build();
        given("maxHttpBufferSize", "3000000000");
        assertStops(() -> EngineOptionsReader.read(settings, PREFIX, base), PREFIX + "maxHttpBufferSize");
        System.clearProperty(PREFIX + "maxHttpBufferSize");
        given("pingInterval", "-5");
        assertStops(() -> EngineOptionsReader.read(settings, PREFIX, base), "pingInterval", "-5");
    }
}
