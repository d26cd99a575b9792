package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.RoomLeft;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketDisconnected;
import dev.tidewire.jakarta.events.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which kinds an observer method receives: by its observed type and qualifiers, sync and async apart. */
class ObservedSocketEventsTest {
    private final ObservedSocketEvents observed = new ObservedSocketEvents();

    @Test
    void nothingObservedNothingToFire() {
        observed.add(String.class, Set.of(), false);
        assertEquals(Set.of(), observed.kinds());
    }

    @Test
    void anObserverOfOneKindGetsThatKindOnly() {
        observed.add(RoomJoined.class, Set.of(), false);
        assertEquals(Set.of(RoomJoined.class), observed.kinds());
        assertTrue(observed.sync(RoomJoined.class));
        assertFalse(observed.async(RoomJoined.class));
    }

    @Test
    void syncAndAsyncObserversAreCountedApart() {
        observed.add(SocketConnected.class, Set.of(), true);
        observed.add(SocketDisconnected.class, Set.of(Default.Literal.INSTANCE), false);
        assertTrue(observed.async(SocketConnected.class));
        assertFalse(observed.sync(SocketConnected.class));
        assertTrue(observed.sync(SocketDisconnected.class));
        assertFalse(observed.async(SocketDisconnected.class));
    }

    @Test
    void anObserverOfASupertypeGetsEveryKind() {
        observed.add(SocketEvent.class, Set.of(Any.Literal.INSTANCE), true);
        assertEquals(List.copyOf(ObservedSocketEvents.KINDS), List.copyOf(observed.kinds()));
        observed.add(Object.class, Set.of(), false);
        assertTrue(observed.sync(RoomLeft.class));
    }

    @Test
    void aQualifiedObserverNeverSeesTheUnqualifiedEvents() {
        observed.add(Object.class, Set.of(Initialized.Literal.of(ApplicationScoped.class)), false);
        assertEquals(Set.of(), observed.kinds());
    }

    @Test
    void aTypeVariableCountsByItsBound() throws NoSuchMethodException {
        Type bounded = Generic.class.getDeclaredMethod("observe", SocketEvent.class).getGenericParameterTypes()[0];
        observed.add(bounded, Set.of(), false);
        assertEquals(Set.copyOf(ObservedSocketEvents.KINDS), observed.kinds());
    }

    @SuppressWarnings("unused")
    private static final class Generic {
        <T extends SocketEvent> void observe(T event) {
        }
    }
}
