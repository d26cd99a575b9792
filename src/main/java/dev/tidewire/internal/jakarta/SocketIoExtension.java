package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.SocketIoNamespace;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects the {@link SocketIoNamespace} beans of the deployment and fails the deployment, one definition error per
 * broken {@link AnnotatedHandlerRules rule}, when a handler could not be wired; they are wired when the server starts.
 * Also notes which socket events the deployment observes, so that only those are fired.
 */
public final class SocketIoExtension implements Extension {
    private final List<Class<?>> namespaceBeans = new CopyOnWriteArrayList<>();
    private final ObservedSocketEvents observedSocketEvents = new ObservedSocketEvents();

    void collect(@Observes @WithAnnotations(SocketIoNamespace.class) ProcessAnnotatedType<?> pat) {
        Class<?> type = pat.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(SocketIoNamespace.class)) namespaceBeans.add(type);
    }

    void observers(@Observes ProcessObserverMethod<?, ?> pom) {
        ObserverMethod<?> observer = pom.getObserverMethod();
        observedSocketEvents.add(observer.getObservedType(), observer.getObservedQualifiers(), observer.isAsync());
    }

    void validate(@Observes AfterBeanDiscovery abd) {
        for (String problem : AnnotatedHandlerRules.check(namespaceBeans)) {
            abd.addDefinitionError(new DefinitionException("Socket.IO handler: " + problem));
        }
    }

    List<Class<?>> namespaceBeans() {
        return List.copyOf(namespaceBeans);
    }

    ObservedSocketEvents observedSocketEvents() {
        return observedSocketEvents;
    }
}
