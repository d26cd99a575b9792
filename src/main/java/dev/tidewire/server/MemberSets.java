package dev.tidewire.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets of room members (or of a socket's rooms) that stay small objects while small: up to {@link #SMALL}
 * elements a set is immutable and replaced on change, beyond that it is a concurrent set changed in place. Most
 * sets hold one or two elements (every socket is alone in its own room), and a concurrent set costs about 200
 * bytes even then. Callers change a set only inside the owning map's {@code compute} for its key, so changes of
 * one set are serial; readers may iterate any set they got at any time.
 */
final class MemberSets {
    static final int SMALL = 8;

    private MemberSets() {
    }

    /** {@code set} plus {@code element}: the same set if it already holds it or is concurrent. */
    static Set<String> with(Set<String> set, String element) {
        if (set == null) return Set.of(element);
        if (set.contains(element)) return set;
        if (set instanceof ConcurrentHashMap.KeySetView<?, ?>) {
            set.add(element);
            return set;
        }
        String[] items = set.toArray(new String[set.size() + 1]);
        items[items.length - 1] = element;
        if (items.length <= SMALL) return Set.of(items);
        Set<String> growing = ConcurrentHashMap.newKeySet(items.length * 2);
        for (String s : items) growing.add(s);
        return growing;
    }

    /** {@code set} without {@code element}; {@code null} once empty. */
    static Set<String> without(Set<String> set, String element) {
        if (set == null || !set.contains(element)) return set;
        if (set instanceof ConcurrentHashMap.KeySetView<?, ?>) {
            set.remove(element);
            return set.isEmpty() ? null : set;
        }
        if (set.size() == 1) return null;
        String[] items = new String[set.size() - 1];
        int i = 0;
        for (String s : set) if (!s.equals(element)) items[i++] = s;
        return Set.of(items);
    }
}
