package dev.tidewire.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A copy-on-write list of listeners that costs one small object while empty (every socket has several such lists,
 * most never used; a CopyOnWriteArrayList costs three objects each).
 */
final class Listeners<T> implements Iterable<T> {
    private volatile List<T> items = List.of();

    synchronized void add(T item) {
        List<T> next = new ArrayList<>(items.size() + 1);
        next.addAll(items);
        next.add(item);
        items = List.copyOf(next);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }
}
