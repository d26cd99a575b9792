package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Side effects decided under a session's lock and run after it is released, so that no container I/O call and no
 * listener runs while the lock is held (either could call back into another session and deadlock).
 */
final class Effects {
    private List<Runnable> actions;

    void add(Runnable action) {
        if (actions == null) actions = new ArrayList<>(2);
        actions.add(action);
    }

    void run() {
        if (actions == null) return;
        for (Runnable r : actions) r.run();
    }
}
