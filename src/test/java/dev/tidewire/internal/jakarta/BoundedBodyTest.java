package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpExchange.BodyCallback;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.tidewire.internal.jakarta.BoundedBody.Progress.COMPLETE;
import static dev.tidewire.internal.jakarta.BoundedBody.Progress.MORE;
import static dev.tidewire.internal.jakarta.BoundedBody.Progress.TOO_LARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedBodyTest {
    private static final int DRAIN = HttpExchange.OVERSIZED_BODY_DRAIN_BYTES;

    /** What a callback heard, in order. */
    private static final class Heard implements BodyCallback {
        final List<String> events = new ArrayList<>();

        @Override
        public void onBody(byte[] body) {
            events.add("body " + new String(body));
        }

        @Override
        public void onTooLarge() {
            events.add("too large");
        }

        @Override
        public void onError(Throwable error) {
            events.add("error");
        }
    }

    @Test
    void aBodyWithinTheLimitIsCompleteWhenItsDeclaredLengthIsIn() {
        BoundedBody body = new BoundedBody(5, 10);
        assertEquals(MORE, body.add("xxhe".getBytes(), 2, 2));
        assertEquals(COMPLETE, body.add("llo".getBytes(), 0, 3));
        Heard heard = new Heard();
        body.deliver(heard);
        assertEquals(List.of("body hello"), heard.events);
    }

    @Test
    void withoutADeclaredLengthOnlyTheEndOfTheStreamCompletesIt() {
        BoundedBody body = new BoundedBody(-1, 10);
        assertEquals(MORE, body.add("0123456789".getBytes(), 0, 10));
        Heard heard = new Heard();
        body.deliver(heard);
        assertEquals(List.of("body 0123456789"), heard.events);
    }

    @Test
    void aBodyOverTheLimitIsReadOnAndDroppedUntilTheDrainIsUsedUp() {
        BoundedBody body = new BoundedBody(-1, 10);
        assertEquals(MORE, body.add(new byte[11], 0, 11), "over the limit, within the drain: read on");
        assertEquals(MORE, body.add(new byte[DRAIN - 1], 0, DRAIN - 1), "exactly limit + drain");
        assertEquals(TOO_LARGE, body.add(new byte[1], 0, 1));
    }

    @Test
    void aDeclaredBodyOverTheLimitIsReportedTooLargeOnceAllOfItIsIn() {
        BoundedBody body = new BoundedBody(20, 10);
        assertEquals(MORE, body.add(new byte[15], 0, 15));
        assertEquals(COMPLETE, body.add(new byte[5], 0, 5));
        Heard heard = new Heard();
        body.deliver(heard);
        assertEquals(List.of("too large"), heard.events);
    }

    @Test
    void theDeclaredLengthSettlesAnEmptyBodyAndOneFarOverTheLimit() {
        Heard empty = new Heard();
        assertTrue(BoundedBody.settledByItsLength(0, 10, empty));
        assertEquals(List.of("body "), empty.events);
        Heard far = new Heard();
        assertTrue(BoundedBody.settledByItsLength(10L + DRAIN + 1, 10, far));
        assertEquals(List.of("too large"), far.events);
        Heard within = new Heard();
        assertFalse(BoundedBody.settledByItsLength(10L + DRAIN, 10, within), "within the drain: read it");
        assertFalse(BoundedBody.settledByItsLength(-1, 10, within), "no declared length: read it");
        assertEquals(List.of(), within.events);
    }
}
