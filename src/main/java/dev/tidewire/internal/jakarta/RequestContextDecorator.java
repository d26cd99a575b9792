package dev.tidewire.internal.jakarta;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * Runs each handler task with a CDI request context active, as a servlet request would have. Controllers are
 * reused through a pool: creating one per task was a tenth of the CPU of a connection (measured, Weld). A pooled
 * controller is used by one task at a time; the pool holds at most as many as tasks ever ran at once.
 */
final class RequestContextDecorator implements UnaryOperator<Runnable>, AutoCloseable {
    private final Instance<RequestContextController> controllers;
    private final ConcurrentLinkedQueue<RequestContextController> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    RequestContextDecorator(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    @Override
    public Runnable apply(Runnable task) {
        return () -> {
            RequestContextController controller = idle.poll();
            if (controller == null) controller = controllers.get();
            boolean activated = controller.activate();
            try {
                task.run();
            } finally {
                if (activated) controller.deactivate();
                release(controller);
            }
        };
    }

    private void release(RequestContextController controller) {
        if (closed) {
            controllers.destroy(controller);
            return;
        }
        idle.add(controller);
        if (closed && idle.remove(controller)) controllers.destroy(controller); // raced with close()
    }

    /** Destroys the pooled controllers; tasks still running destroy theirs when they finish. */
    @Override
    public void close() {
        closed = true;
        for (RequestContextController c; (c = idle.poll()) != null; ) controllers.destroy(c);
    }
}
