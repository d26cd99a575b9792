package dev.tidewire.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Listener lists kept as immutable lists replaced on change (copy-on-write): an empty one is the shared empty list,
 * so the several lists every socket has, most never used, cost nothing. Callers serialize their changes.
 */
final class Listeners {
    private Listeners() {
    }

    static <T> List<T> plus(List<T> items, T item) {
        List<T> next = new ArrayList<>(items == null ? 1 : items.size() + 1);
        if (items != null) next.addAll(items);
        next.add(item);
        return List.copyOf(next);
    }

    /** {@code item} first, then the others. */
    static <T> List<T> prepend(List<T> items, T item) {
        List<T> next = new ArrayList<>(items == null ? 1 : items.size() + 1);
        next.add(item);
        if (items != null) next.addAll(items);
        return List.copyOf(next);
    }

    /** Without the first occurrence of this very listener (compared by identity, as the reference removes one). */
    static <T> List<T> minus(List<T> items, T item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                List<T> next = new ArrayList<>(items);
                next.remove(i);
                return List.copyOf(next);
            }
        }
        return items;
    }
}
