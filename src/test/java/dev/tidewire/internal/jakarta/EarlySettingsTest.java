package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A server created before its web module: which context parameters came too late to configure it. */
class EarlySettingsTest {
    private static final String PREFIX = "tidewire.early-settings-test.";

    @AfterEach
    void clear() {
        System.clearProperty(PREFIX + "fromProperty");
    }

    @Test
    void namesTheContextParametersTheServerAskedForAndDidNotGet() {
        System.setProperty(PREFIX + "fromProperty", "7");
        EarlySettings early = new EarlySettings();
        Settings settings = early.settings();
        assertEquals(7, settings.getInt(PREFIX + "fromProperty", 0), "a system property answers at once");
        assertEquals(25_000, settings.getLong(PREFIX + "pingInterval", 25_000), "no context yet: the default");
        assertNull(settings.get(PREFIX + "notInTheContext"));

        List<String> late = early.lateParameters(ContextParameters.contextOf(Map.of(
                PREFIX + "pingInterval", "300", // asked for, unanswered: late
                PREFIX + "fromProperty", "8", // answered by the property, which wins over a context parameter anyway
                PREFIX + "neverAsked", "x"))); // read at the web module's start, when it applies
        assertEquals(List.of(PREFIX + "pingInterval"), late);
    }

    @Test
    void nothingIsLateWhenTheContextHasNoneOfTheKeys() {
        EarlySettings early = new EarlySettings();
        early.settings().get(PREFIX + "a");
        assertEquals(List.of(), early.lateParameters(ContextParameters.contextOf(Map.of())));
    }
}
