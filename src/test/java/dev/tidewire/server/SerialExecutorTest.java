package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SerialExecutorTest {
    @Test
    void eachQueuedTaskIsWrappedOnItsOwnEvenWhenOneDrainRunsSeveral() {
        List<Runnable> submitted = new ArrayList<>();
        Executor held = submitted::add;
        List<String> log = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(held, 10, task -> () -> {
            log.add("begin");
            task.run();
            log.add("end");
        });
        serial.execute(() -> log.add("event 1"));
        serial.execute(() -> log.add("event 2"));
        assertEquals(1, submitted.size(), "one drain for both");
        submitted.get(0).run();
        assertEquals(List.of("begin", "event 1", "end", "begin", "event 2", "end"), log,
                "a request context per event, not per drain");
    }

    @Test
    void inlineTasksAreNotWrapped() {
        List<String> log = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run, 10, task -> () -> {
            log.add("wrapped");
            task.run();
        });
        serial.runInlineIfIdle(() -> log.add("inline"));
        assertEquals(List.of("inline"), log);
    }
}
