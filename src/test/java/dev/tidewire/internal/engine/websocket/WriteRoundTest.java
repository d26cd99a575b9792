package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class WriteRoundTest {
    /** A connection that records when it is told to write. */
    private static final class Connection implements WriteRound.Deferred {
        final List<String> log;
        final String name;

        Connection(List<String> log, String name) {
            this.log = log;
            this.name = name;
        }

        @Override
        public void writeDeferred() {
            log.add(name);
        }
    }

    /** A thread that is its own executor, like an XNIO I/O thread: tasks run when the test says its round ends. */
    private static final class LoopThread extends Thread implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean rejecting;

        LoopThread(Runnable body) {
            super(body);
        }

        @Override
        public void execute(Runnable task) {
            if (rejecting) throw new RejectedExecutionException("stopping");
            tasks.add(task);
        }

        void endRound() {
            while (!tasks.isEmpty()) tasks.poll().run();
        }
    }

    private static void onLoopThread(ThrowingBody body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LoopThread[] self = new LoopThread[1];
        self[0] = new LoopThread(() -> {
            try {
                body.run(self[0]);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        self[0].start();
        self[0].join();
        if (failure.get() instanceof Exception e) throw e;
        if (failure.get() instanceof Error e) throw e;
    }

    private interface ThrowingBody {
        void run(LoopThread thread) throws Exception;
    }

    @Test
    void onAnExecutorThreadHeldConnectionsWriteOnceWhenTheRoundEndsAfterEveryReading() throws Exception {
        onLoopThread(thread -> {
            List<String> log = new ArrayList<>();
            Connection a = new Connection(log, "a");
            Connection b = new Connection(log, "b");

            WriteRound first = WriteRound.startReading();
            assertSame(first, WriteRound.ofReadingThread());
            first.hold(a);
            first.hold(b);
            first.endReading();
            assertNull(WriteRound.ofReadingThread(), "no reading under way");
            assertEquals(List.of(), log, "held until the round ends");
            assertEquals(1, thread.tasks.size());

            WriteRound second = WriteRound.startReading(); // another connection ready in the same round
            assertSame(first, second, "one round per thread");
            second.hold(new Connection(log, "c"));
            second.endReading();
            assertEquals(1, thread.tasks.size(), "the round's end is queued once");

            thread.endRound();
            assertEquals(List.of("a", "b", "c"), log);

            WriteRound next = WriteRound.startReading();
            next.hold(a);
            next.endReading();
            assertEquals(1, thread.tasks.size(), "a new round is queued again");
            thread.endRound();
            assertEquals(List.of("a", "b", "c", "a"), log);
        });
    }

    @Test
    void nestedReadingsWaitForTheOutermost() throws Exception {
        onLoopThread(thread -> {
            List<String> log = new ArrayList<>();
            WriteRound outer = WriteRound.startReading();
            WriteRound inner = WriteRound.startReading();
            inner.hold(new Connection(log, "a"));
            inner.endReading();
            assertNotNull(WriteRound.ofReadingThread(), "the outer reading is still under way");
            assertEquals(0, thread.tasks.size());
            outer.endReading();
            assertEquals(1, thread.tasks.size());
            thread.endRound();
            assertEquals(List.of("a"), log);
        });
    }

    @Test
    void withoutAnExecutorTheHeldWritesGoOutWhenTheReadingEnds() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> log = new ArrayList<>();
        Thread plain = new Thread(() -> {
            try {
                WriteRound round = WriteRound.startReading();
                round.hold(new Connection(log, "a"));
                assertEquals(List.of(), log);
                round.endReading();
                assertEquals(List.of("a"), log);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        plain.start();
        plain.join();
        assertNull(failure.get());
        assertEquals(List.of("a"), log);
    }

    @Test
    void aStoppingThreadThatRefusesTheTaskGetsTheWritesAtOnce() throws Exception {
        onLoopThread(thread -> {
            List<String> log = new ArrayList<>();
            thread.rejecting = true;
            WriteRound round = WriteRound.startReading();
            round.hold(new Connection(log, "a"));
            round.endReading();
            assertEquals(List.of("a"), log);
        });
    }

    @Test
    void oneConnectionFailingDoesNotKeepTheOthersBack() throws Exception {
        onLoopThread(thread -> {
            List<String> log = new ArrayList<>();
            WriteRound round = WriteRound.startReading();
            round.hold(() -> {
                throw new IllegalStateException("broken connection");
            });
            round.hold(new Connection(log, "b"));
            round.endReading();
            thread.endRound();
            assertEquals(List.of("b"), log);

            WriteRound again = WriteRound.startReading();
            again.hold(new Connection(log, "c"));
            again.endReading();
            thread.endRound();
            assertEquals(List.of("b", "c"), log, "the failed connection is not told again");
        });
    }
}
