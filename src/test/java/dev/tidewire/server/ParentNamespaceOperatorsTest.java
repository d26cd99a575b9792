package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertThrows;

class ParentNamespaceOperatorsTest {
    @Test
    void roomOperatorsOnAParentAreRefusedRatherThanSilentlyEmpty() {
        SioTestServer t = new SioTestServer();
        ParentNamespace parent = t.io.of(Pattern.compile("/team-\\d+"));
        assertThrows(UnsupportedOperationException.class, () -> parent.to("a"));
        assertThrows(UnsupportedOperationException.class, () -> parent.in("a"));
        assertThrows(UnsupportedOperationException.class, () -> parent.except("a"));
        assertThrows(UnsupportedOperationException.class, parent::asVolatile);
        assertThrows(UnsupportedOperationException.class, () -> parent.timeout(100));
    }
}
