package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.RoomLeft;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketDisconnected;
import dev.tidewire.jakarta.events.SocketEvent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kinds of {@link SocketEvent} the deployment's observer methods receive, synchronously and asynchronously apart:
 * {@code fire()} reaches only the first, {@code fireAsync()} only the second.
 */
final class ObservedSocketEvents {
    static final List<Class<? extends SocketEvent>> KINDS =
            List.of(SocketConnected.class, SocketDisconnected.class, RoomJoined.class, RoomLeft.class);

    private final Set<Class<?>> sync = ConcurrentHashMap.newKeySet();
    private final Set<Class<?>> async = ConcurrentHashMap.newKeySet();

    /** An observer method of {@code observedType}: it receives every kind that is assignable to that type. */
    void add(Type observedType, Set<Annotation> qualifiers, boolean isAsync) {
        if (!unqualified(qualifiers)) return; // the events are fired without qualifiers: such an observer sees none
        Class<?> observed = rawType(observedType);
        for (Class<?> kind : KINDS) {
            if (observed.isAssignableFrom(kind)) (isAsync ? async : sync).add(kind);
        }
    }

    boolean sync(Class<?> kind) {
        return sync.contains(kind);
    }

    boolean async(Class<?> kind) {
        return async.contains(kind);
    }

    /** The kinds that have an observer of either sort, in {@link #KINDS} order. */
    Set<Class<? extends SocketEvent>> kinds() {
        Set<Class<? extends SocketEvent>> observed = new LinkedHashSet<>();
        for (Class<? extends SocketEvent> kind : KINDS) if (sync(kind) || async(kind)) observed.add(kind);
        return observed;
    }

    private static boolean unqualified(Set<Annotation> qualifiers) {
        for (Annotation q : qualifiers) {
            if (q.annotationType() != Default.class && q.annotationType() != Any.class) return false;
        }
        return true;
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return rawType(p.getRawType());
        if (type instanceof TypeVariable<?> v) return rawType(v.getBounds()[0]);
        if (type instanceof WildcardType w) return rawType(w.getUpperBounds()[0]);
        return Object[].class; // a generic array type: never one of the event records
    }
}
