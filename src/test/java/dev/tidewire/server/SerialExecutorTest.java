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
    void consecutiveBroadcastsWriteOnceAndAnyOtherTaskFindsTheirFramesWritten() {
        List<Runnable> submitted = new ArrayList<>();
        SerialExecutor clusterMessages = new SerialExecutor(submitted::add, 10);
        List<String> log = new ArrayList<>();
        Receiver receiver = new Receiver(log);
        for (String broadcast : List.of("broadcast 1", "broadcast 2")) {
            clusterMessages.execute(SerialExecutor.writesBatched(() -> receiver.write(broadcast)));
        }
        clusterMessages.execute(() -> {
            log.add("a fetchSockets answer");
            assertNull(WriteRound.ofReadingThread(), "application code it runs writes at once, as anywhere else");
        });
        clusterMessages.execute(SerialExecutor.writesBatched(() -> receiver.write("broadcast 3")));
        assertEquals(1, submitted.size(), "one drain");
        submitted.get(0).run();
        assertEquals(List.of("broadcast 1", "broadcast 2", "receiver writes", "a fetchSockets answer", "broadcast 3",
                "receiver writes"), log, "two broadcasts in one write; none held past a task that is no broadcast");
        assertNull(WriteRound.ofReadingThread(), "the drain ended its round");
    }

    /** As a WebSocket connection does: a frame written while the thread's round is open waits for its end. */
    private static final class Receiver implements WriteRound.Deferred {
        private final List<String> log;
        private boolean held;

        Receiver(List<String> log) {
            this.log = log;
        }

        void write(String frame) {
            log.add(frame);
            WriteRound round = WriteRound.ofReadingThread();
            if (round == null) {
                log.add("written at once");
            } else if (!held) {
                held = true;
                round.hold(this);
            }
        }

        @Override
        public void writeDeferred() {
            held = false;
            log.add("receiver writes");
        }
    }
}
