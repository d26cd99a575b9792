package dev.tidewire.internal.jakarta;

import dev.tidewire.server.SocketIoServer;
import dev.tidewire.server.ValueBinder;

/** Test access to the annotated-bean wiring ({@link AnnotatedNamespace}) without a CDI container. */
public final class AnnotatedWiring {
    private AnnotatedWiring() {
    }

    public static void register(SocketIoServer io, Object bean, ValueBinder binder) {
        AnnotatedNamespace.register(io, bean, bean.getClass(), binder);
    }
}
