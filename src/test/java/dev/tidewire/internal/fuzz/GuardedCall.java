package dev.tidewire.internal.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one decoder call for a fuzz test: on a worker thread, so that a call that never returns fails the test at a
 * deadline instead of hanging the build, and measuring the bytes the call allocates on that thread.
 */
public final class GuardedCall {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static volatile Thread workerThread;
    private static ExecutorService worker = newWorker();

    private GuardedCall() {
    }

    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** What one call did: its value or what it threw, and the bytes it allocated. */
    public record Outcome<T>(T value, Throwable thrown, long allocatedBytes) {
    }

    /**
     * @param input the input, rendered for a failure message (only called on failure)
     * @throws AssertionError when the call has not finished within {@code deadline}; the stuck worker is abandoned
     *                        (it is a daemon thread) and a new one serves later calls
     */
    static synchronized <T> Outcome<T> run(Call<T> call, Duration deadline, Supplier<String> input) {
        Future<Outcome<T>> future = worker.submit(() -> measure(call));
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String where = Arrays.stream(workerThread.getStackTrace()).limit(40).map(f -> "\n\tat " + f)
                    .collect(Collectors.joining());
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no result within " + deadline + " for input " + input.get()
                    + "\nthe call was at:" + where);
        } catch (ExecutionException e) {
            throw new AssertionError("the guard itself failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the call", e);
        }
    }

    /**
     * Runs {@code attempt}'s call and fails unless it returned or threw {@code declared}, within {@code deadline},
     * allocating at most {@code maxBytes}. A call over the allocation bound is run once more, from a fresh attempt,
     * and judged by that second run: the first use of a code path pays one-time costs on the calling thread (class
     * loading, the fuzzer's instrumentation of the loaded classes) that are no part of the decoder's allocation.
     *
     * @param attempt gives the call to measure; a second call must start from the same state as the first
     * @return the first run's outcome
     */
    public static <T> Outcome<T> expectReturnOr(Class<? extends Exception> declared, Supplier<Call<T>> attempt,
                                                Duration deadline, long maxBytes, Supplier<String> input) {
        Outcome<T> outcome = run(attempt.get(), deadline, input);
        Throwable thrown = outcome.thrown();
        if (thrown != null && !declared.isInstance(thrown)) {
            throw new AssertionError("only " + declared.getSimpleName() + " may escape, but " + thrown
                    + " did, for input " + input.get(), thrown);
        }
        if (outcome.allocatedBytes() > maxBytes) {
            long again = run(attempt.get(), deadline, input).allocatedBytes();
            if (again > maxBytes) {
                throw new AssertionError("allocated " + outcome.allocatedBytes() + ", then " + again
                        + " bytes, over the bound " + maxBytes + ", for input " + input.get());
            }
        }
        return outcome;
    }

    private static <T> Outcome<T> measure(Call<T> call) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        T value = null;
        Throwable thrown = null;
        try {
            value = call.call();
        } catch (Throwable t) { // everything, StackOverflowError and OutOfMemoryError included: the test judges it
            thrown = t;
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        return new Outcome<>(value, thrown, allocated);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz-call");
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
    }
}
