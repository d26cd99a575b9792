package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpExchange.BodyCallback;

import java.io.ByteArrayOutputStream;

/**
 * A request body collected as it arrives, up to a limit. A longer one is read on and dropped, up to
 * {@link HttpExchange#OVERSIZED_BODY_DRAIN_BYTES} more, and then reported as too large. Shared by the servlet's and
 * Undertow's polling exchanges, which differ only in how the bytes arrive.
 */
final class BoundedBody {
    enum Progress { MORE, COMPLETE, TOO_LARGE }

    private final int limit;
    private final long declaredLength;
    private ByteArrayOutputStream kept; // null once the body is over the limit
    private long received;

    /** @param declaredLength the Content-Length, or -1 */
    BoundedBody(long declaredLength, int limit) {
        this.declaredLength = declaredLength;
        this.limit = limit;
        // sized for the declared length, but not trusted with more than a chunk before the bytes arrive
        this.kept = declaredLength > limit ? null
                : new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 64), 8192));
    }

    /**
     * Answers {@code callback} at once where the declared length decides: a body declared far over the limit, or an
     * empty one (not every container reports the end of an empty body).
     *
     * @return whether it did, so that nothing is to be read
     */
    static boolean settledByItsLength(long declaredLength, int limit, BodyCallback callback) {
        if (declaredLength > (long) limit + HttpExchange.OVERSIZED_BODY_DRAIN_BYTES) {
            callback.onTooLarge();
            return true;
        }
        if (declaredLength == 0) {
            callback.onBody(new byte[0]);
            return true;
        }
        return false;
    }

    /** @return {@code COMPLETE} once the declared length is in; {@code TOO_LARGE} past the limit and the drain */
    Progress add(byte[] chunk, int offset, int length) {
        received += length;
        if (kept != null && received > limit) kept = null;
        if (kept != null) {
            kept.write(chunk, offset, length);
        } else if (received > (long) limit + HttpExchange.OVERSIZED_BODY_DRAIN_BYTES) {
            return Progress.TOO_LARGE;
        }
        return declaredLength >= 0 && received >= declaredLength ? Progress.COMPLETE : Progress.MORE;
    }

    /** At the end of the body: hands it to {@code callback}, or says it was too large. */
    void deliver(BodyCallback callback) {
        if (kept == null) callback.onTooLarge();
        else callback.onBody(kept.toByteArray());
    }
}
