package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code fire()} for sync observers, {@code fireAsync()} for async ones, each only where such an observer exists. */
class CdiSocketEventsTest {
    private final RecordingEvent events = new RecordingEvent();
    private final ObservedSocketEvents observed = new ObservedSocketEvents();
    private final CdiSocketEvents sink = new CdiSocketEvents(events, observed);
    private final SocketEvent connected = new SocketConnected(null);
    private final SocketEvent joined = new RoomJoined(null, "lobby");

    @Test
    void eachKindReachesOnlyTheSortOfObserverItHas() {
        observed.add(SocketConnected.class, Set.of(), false);
        observed.add(RoomJoined.class, Set.of(), true);
        sink.fire(connected);
        sink.fire(joined);
        assertEquals(List.of("sync " + connected, "async " + joined), events.calls);
    }

    @Test
    void aFailingSyncObserverComesAfterTheAsyncOnesWereNotified() {
        observed.add(SocketConnected.class, Set.of(), false);
        observed.add(SocketConnected.class, Set.of(), true);
        events.syncFailure = new IllegalStateException("observer bug");
        assertThrows(IllegalStateException.class, () -> sink.fire(connected));
        assertEquals(List.of("async " + connected, "sync " + connected), events.calls);
    }

    /** Records what is fired, and how; fails when told to, as a failing observer makes CDI fail. */
    private static final class RecordingEvent implements Event<Object> {
        final List<String> calls = new ArrayList<>();
        RuntimeException syncFailure;

        @Override
        public void fire(Object event) {
            calls.add("sync " + event);
            if (syncFailure != null) throw syncFailure;
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event) {
            calls.add("async " + event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<Object> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
