package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberSetsTest {
    @Test
    void growsFromImmutableToConcurrentAndShrinksBackToNothing() {
        Set<String> set = null;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            set = MemberSets.with(set, "s" + i);
            expected.add("s" + i);
            assertEquals(expected, set);
            if (i < MemberSets.SMALL) {
                Set<String> small = set;
                assertThrows(UnsupportedOperationException.class, () -> small.add("x"), "small sets are immutable");
            } else {
                assertInstanceOf(ConcurrentHashMap.KeySetView.class, set);
            }
        }
        for (int i = 0; i < 20; i++) {
            set = MemberSets.without(set, "s" + i);
            expected.remove("s" + i);
            if (expected.isEmpty()) assertNull(set);
            else assertEquals(expected, set);
        }
    }

    @Test
    void addingAPresentElementOrRemovingAnAbsentOneKeepsTheSameSet() {
        Set<String> one = MemberSets.with(null, "a");
        assertSame(one, MemberSets.with(one, "a"));
        assertSame(one, MemberSets.without(one, "b"));
        Set<String> two = MemberSets.with(one, "b");
        assertEquals(Set.of("a"), one, "the old small set is not changed: readers iterating it are safe");
        assertEquals(Set.of("a", "b"), two);
        assertNull(MemberSets.without(MemberSets.without(two, "a"), "b"));
        assertFalse(MemberSets.without(two, "a").contains("a"));
    }
}
