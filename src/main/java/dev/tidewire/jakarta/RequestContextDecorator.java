package dev.tidewire.jakarta;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;

import java.util.function.UnaryOperator;

/** Runs each handler task with a CDI request context active, as a servlet request would have. */
final class RequestContextDecorator implements UnaryOperator<Runnable> {
    private final Instance<RequestContextController> controllers;

    RequestContextDecorator(Instance<RequestContextController> controllers) {
        this.controllers = controllers;
    }

    @Override
    public Runnable apply(Runnable task) {
        return () -> {
            RequestContextController controller = controllers.get();
            boolean activated = controller.activate();
            try {
                task.run();
            } finally {
                if (activated) controller.deactivate();
                controllers.destroy(controller);
            }
        };
    }
}
