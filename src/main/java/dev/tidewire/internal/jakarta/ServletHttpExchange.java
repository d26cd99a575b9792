package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A servlet request in async mode, read and answered with non-blocking I/O so that a held poll parks no thread. */
final class ServletHttpExchange implements HttpExchange {
    private static final Logger LOG = System.getLogger("tidewire.engine.polling");
    /** See the constructor: room for the container to finish unwinding a dispatch; it takes microseconds when warm. */
    static final long COMPLETION_GRACE_MILLIS = 50;

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final AsyncContext async;
    private final RequestInfo info;
    private final AtomicBoolean responded = new AtomicBoolean();
    /** Set by {@link #abort()}: the body reader stops and calls back no more. */
    private volatile boolean aborted;
    private final Scheduler completions;
    private final Thread dispatchThread = Thread.currentThread();
    private boolean dispatching = true; // guarded by this
    private long dispatchEndedAt; // guarded by this; on the completions' clock
    private HttpResponse deferred; // guarded by this

    /**
     * @param completions where a response given after the dispatch is written, or {@code null} for the calling thread.
     *     Payara (Grizzly) runs the end of a request on the thread that completes it, request listeners included
     *     (payara/Payara#3851). From another request's dispatch thread, which is where an echo or a broadcast
     *     answers a held poll, that tangles the two requests; and while the container is still unwinding the poll's
     *     own dispatch after {@code service} returned, the poll's request is recycled under it. Both were seen as
     *     container NullPointerExceptions that broke later requests. So there, such a response is written on the
     *     engine's timer thread, and not before {@link #COMPLETION_GRACE_MILLIS} after the dispatch ended.
     */
    ServletHttpExchange(HttpServletRequest req, HttpServletResponse resp, Scheduler completions) {
        this.req = req;
        this.resp = resp;
        this.completions = completions;
        this.info = RequestInfos.from(req);
        this.async = req.startAsync();
        async.setTimeout(0); // a poll is held until data arrives; the heartbeat bounds it
    }

    @Override
    public String method() {
        return req.getMethod();
    }

    @Override
    public RequestInfo request() {
        return info;
    }

    @Override
    public void readBody(int limit, BodyCallback callback) {
        long declared = req.getContentLengthLong();
        if (BoundedBody.settledByItsLength(declared, limit, callback)) return;
        try {
            ServletInputStream in = req.getInputStream();
            in.setReadListener(new BodyReader(in, declared, limit, callback));
        } catch (IOException | RuntimeException e) {
            callback.onError(e);
        }
    }

    /**
     * Called by the servlet when its {@code service} returns. A response that another thread gave meanwhile is
     * written now, on the dispatching thread: Payara (Grizzly) recycles a request that is completed from another
     * thread while its dispatch is still running, and the connection's next request then fails inside the container
     * (seen as a NullPointerException in Grizzly and a 500 for a polling POST).
     */
    void dispatchEnded() {
        HttpResponse r;
        synchronized (this) {
            dispatching = false;
            if (completions != null) dispatchEndedAt = completions.nowMillis();
            r = deferred;
            deferred = null;
        }
        if (r != null) write(r);
    }

    @Override
    public void respond(HttpResponse r) {
        if (!responded.compareAndSet(false, true)) return;
        boolean inOwnDispatch;
        long endedAt;
        synchronized (this) {
            inOwnDispatch = dispatching;
            endedAt = dispatchEndedAt;
            if (dispatching && Thread.currentThread() != dispatchThread) {
                deferred = r;
                return;
            }
        }
        if (inOwnDispatch || completions == null) {
            write(r);
            return;
        }
        long delay = Math.max(0, endedAt + COMPLETION_GRACE_MILLIS - completions.nowMillis());
        try {
            completions.schedule(() -> write(r), delay);
        } catch (RejectedExecutionException e) { // shutting down
            write(r);
        }
    }

    @Override
    public void abort() {
        aborted = true;
        LOG.log(Level.DEBUG, "request abandoned before its body arrived: {0} from {1}", info.url(),
                info.remoteAddress());
        respond(HttpResponse.empty(400, Map.of("Connection", "close")));
    }

    private void write(HttpResponse r) {
        try {
            resp.setStatus(r.status());
            for (Map.Entry<String, String> h : r.headers().entrySet()) resp.setHeader(h.getKey(), h.getValue());
            if (r.contentType() != null) resp.setContentType(r.contentType());
            resp.setContentLength(r.body().length);
            if (r.body().length == 0) {
                async.complete();
                return;
            }
            ServletOutputStream out = resp.getOutputStream();
            out.setWriteListener(new BodyWriter(out, r.body()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "response could not be written: {0}", e.toString());
            completeQuietly();
        }
    }

    private void completeQuietly() {
        try {
            async.complete();
        } catch (RuntimeException ignored) {
            // the request is already over
        }
    }

    private final class BodyWriter implements WriteListener {
        private final ServletOutputStream out;
        private final byte[] body;
        private boolean written;

        BodyWriter(ServletOutputStream out, byte[] body) {
            this.out = out;
            this.body = body;
        }

        @Override
        public void onWritePossible() throws IOException {
            if (!written) {
                written = true;
                out.write(body);
                if (!out.isReady()) return; // called again once the container has flushed
            }
            async.complete();
        }

        @Override
        public void onError(Throwable t) {
            LOG.log(Level.DEBUG, "writing a polling response failed: {0}", t.toString());
            completeQuietly();
        }
    }

    /** Reads the body into a {@link BoundedBody}, and delivers it once. */
    private final class BodyReader implements ReadListener {
        private final ServletInputStream in;
        private final BodyCallback callback;
        private final byte[] chunk = new byte[8192];
        private final BoundedBody body;
        private boolean done;

        BodyReader(ServletInputStream in, long declaredLength, int limit, BodyCallback callback) {
            this.in = in;
            this.callback = callback;
            this.body = new BoundedBody(declaredLength, limit);
        }

        @Override
        public void onDataAvailable() throws IOException {
            // Containers disagree on the end of a body: Undertow calls onAllDataRead, Payara (Grizzly) reports
            // isFinished() once the body is buffered, before it is read, and then calls nothing. So read until the
            // stream ends or the declared length is in, whichever comes first; delivery happens once.
            while (!aborted && !done && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    onAllDataRead();
                    return;
                }
                BoundedBody.Progress progress = body.add(chunk, 0, n);
                if (progress == BoundedBody.Progress.TOO_LARGE) {
                    done = true;
                    callback.onTooLarge();
                    return;
                }
                if (progress == BoundedBody.Progress.COMPLETE) onAllDataRead();
            }
        }

        @Override
        public void onAllDataRead() {
            if (aborted || done) return;
            done = true;
            body.deliver(callback);
        }

        @Override
        public void onError(Throwable t) {
            if (aborted || done) return;
            done = true;
            callback.onError(t);
        }
    }
}
