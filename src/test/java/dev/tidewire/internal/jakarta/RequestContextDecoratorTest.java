package dev.tidewire.internal.jakarta;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Handler tasks run inside a request context, with controllers pooled and destroyed at close. */
class RequestContextDecoratorTest {
    /** A controller that records whether its context is active; {@code alreadyActive} as when one was active. */
    private static final class FakeController implements RequestContextController {
        boolean active;
        boolean alreadyActive;
        int deactivations;

        @Override
        public boolean activate() {
            if (active || alreadyActive) return false;
            active = true;
            return true;
        }

        @Override
        public void deactivate() {
            active = false;
            deactivations++;
        }
    }

    private final List<FakeController> created = new ArrayList<>();
    private final List<Object> destroyed = new ArrayList<>();
    private final RequestContextDecorator decorator = new RequestContextDecorator(controllers());

    /** The two methods the decorator uses: get() makes a controller, destroy() records it. */
    @SuppressWarnings("unchecked")
    private Instance<RequestContextController> controllers() {
        return (Instance<RequestContextController>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> {
                        FakeController c = new FakeController();
                        created.add(c);
                        yield c;
                    }
                    case "destroy" -> destroyed.add(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aTaskRunsWithTheContextActiveAndItIsDeactivatedAfterwards() {
        List<Boolean> activeDuringTask = new ArrayList<>();
        decorator.apply(() -> activeDuringTask.add(created.get(0).active)).run();
        assertEquals(List.of(true), activeDuringTask);
        assertFalse(created.get(0).active);
        assertEquals(1, created.get(0).deactivations);
    }

    @Test
    void aThrowingTaskStillDeactivatesTheContextAndTheExceptionPropagates() {
        IllegalStateException boom = new IllegalStateException("boom");
        Runnable task = decorator.apply(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, task::run));
        assertFalse(created.get(0).active);
        assertEquals(1, created.get(0).deactivations);
        decorator.apply(() -> { }).run();
        assertEquals(1, created.size(), "the controller went back to the pool");
    }

    @Test
    void controllersArePooledAndOnlyNewOnesAreMadeForTasksRunningAtOnce() {
        Runnable quick = decorator.apply(() -> { });
        quick.run();
        quick.run();
        assertEquals(1, created.size());
        decorator.apply(() -> decorator.apply(() -> { }).run()).run(); // two at once: nested
        assertEquals(2, created.size());
        assertEquals(List.of(), destroyed);
    }

    @Test
    void aContextActivatedByOthersIsLeftActive() {
        decorator.apply(() -> { }).run();
        FakeController pooled = created.get(0);
        pooled.alreadyActive = true;
        decorator.apply(() -> { }).run();
        assertEquals(1, pooled.deactivations, "only the first run's own activation was undone");
    }

    @Test
    void closeDestroysPooledControllersAndATaskFinishingLaterDestroysItsOwn() {
        List<Object> destroyedAtClose = new ArrayList<>();
        decorator.apply(() -> {
            decorator.apply(() -> { }).run(); // a second controller, back in the pool when it ends
            decorator.close();
            destroyedAtClose.addAll(destroyed);
        }).run();
        FakeController running = created.get(0);
        FakeController pooled = created.get(1);
        assertEquals(List.of(pooled), destroyedAtClose, "the running task's controller is not destroyed under it");
        assertEquals(List.of(pooled, running), destroyed);
        assertFalse(running.active);
    }
}
