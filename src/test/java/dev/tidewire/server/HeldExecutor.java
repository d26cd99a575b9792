package dev.tidewire.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** For tests: runs tasks only when the test says so, so what ran without it ran on the calling thread. */
public final class HeldExecutor implements Executor {
    public final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    public void runAll() {
        while (!tasks.isEmpty()) tasks.remove(0).run();
    }
}
