package dev.tidewire.internal.jakarta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Runs tasks only when the test says so: what ran without it ran on the reading thread. */
final class HeldExecutor implements Executor {
    final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    void runAll() {
        while (!tasks.isEmpty()) tasks.remove(0).run();
    }
}
