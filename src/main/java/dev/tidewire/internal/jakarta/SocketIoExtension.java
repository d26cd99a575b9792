package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.SocketIoNamespace;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the {@link SocketIoNamespace} beans of the deployment; they are wired when the server starts. */
public final class SocketIoExtension implements Extension {
    private final List<Class<?>> namespaceBeans = new CopyOnWriteArrayList<>();

    void collect(@Observes @WithAnnotations(SocketIoNamespace.class) ProcessAnnotatedType<?> pat) {
        Class<?> type = pat.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(SocketIoNamespace.class)) namespaceBeans.add(type);
    }

    List<Class<?>> namespaceBeans() {
        return List.copyOf(namespaceBeans);
    }
}
