package dev.tidewire.server;

import dev.tidewire.internal.engine.websocket.WriteRound;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void aWriteBatchingExecutorWritesWhatItsQueuedTasksHeldOnceTheyHaveAllRun() {
        HeldExecutor handlers = new HeldExecutor();
        SerialExecutor clusterMessages = new SioTestServer(SocketIoOptions.defaults(), handlers).io
                .newWriteBatchingSerialExecutor(10);
        List<String> log = new ArrayList<>();
        WriteRound.Deferred receiver = () -> log.add("receiver writes");
        for (int i = 1; i <= 3; i++) {
            String broadcast = "broadcast " + i;
            clusterMessages.execute(() -> {
                log.add(broadcast);
                WriteRound round = WriteRound.ofReadingThread();
                if (round != null && broadcast.endsWith("1")) round.hold(receiver); // a connection holds once
            });
        }
        handlers.runAll();
        assertEquals(List.of("broadcast 1", "broadcast 2", "broadcast 3", "receiver writes"), log,
                "the frames of all three broadcasts go out in one write, after the last");
        assertNull(WriteRound.ofReadingThread(), "the round ended with the run");
    }
}
