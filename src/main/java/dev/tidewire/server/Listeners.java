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
}
