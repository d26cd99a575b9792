package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import io.undertow.io.IoCallback;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A polling request on Undertow's own exchange ({@code undertowFastPath}), as {@link ServletHttpExchange} is on the
 * servlet's: the body read and the response written without blocking. Undertow's callbacks run on the connection's
 * I/O thread; a response given on another thread (a held poll answered by an emit) is written from that I/O thread.
 */
final class UndertowHttpExchange implements HttpExchange {
    private static final Logger LOG = System.getLogger("tidewire.engine.polling");

    private final HttpServerExchange exchange;
    private final RequestInfo info;
    private final ClassLoader deploymentLoader;
    private final AtomicBoolean responded = new AtomicBoolean();
    /** Set by {@link #abort()}: the body reader stops and calls back no more. */
    private volatile boolean aborted;

    UndertowHttpExchange(HttpServerExchange exchange, RequestInfo info, ClassLoader deploymentLoader) {
        this.exchange = exchange;
        this.info = info;
        this.deploymentLoader = deploymentLoader;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public RequestInfo request() {
        return info;
    }

    @Override
    public void readBody(int limit, BodyCallback callback) {
        long declared = exchange.getRequestContentLength();
        if (BoundedBody.settledByItsLength(declared, limit, callback)) return;
        BodyReader reader = new BodyReader(declared, limit, callback);
        try {
            exchange.getRequestReceiver().receivePartialBytes(reader, reader);
        } catch (RuntimeException e) {
            reader.failed(new IOException(e));
        }
    }

    @Override
    public void respond(HttpResponse response) {
        if (!responded.compareAndSet(false, true)) return;
        if (exchange.getIoThread() == Thread.currentThread()) {
            write(response);
            return;
        }
        try {
            exchange.getIoThread().execute(() -> write(response));
        } catch (RejectedExecutionException e) { // the server is stopping, and the connection with it
            LOG.log(Level.DEBUG, "response not written, the I/O thread is stopping: {0}", info.url());
        }
    }

    @Override
    public void abort() {
        aborted = true;
        LOG.log(Level.DEBUG, "request abandoned before its body arrived: {0} from {1}", info.url(),
                info.remoteAddress());
        respond(HttpResponse.empty(400, Map.of("Connection", "close")));
    }

    private void write(HttpResponse response) {
        try {
            exchange.setStatusCode(response.status());
            HeaderMap headers = exchange.getResponseHeaders();
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                headers.put(HttpString.tryFromString(h.getKey()), h.getValue());
                if (h.getKey().equalsIgnoreCase("Connection") && h.getValue().equalsIgnoreCase("close")) {
                    exchange.setPersistent(false); // as Undertow's servlet response does for that header
                }
            }
            if (response.contentType() != null) headers.put(Headers.CONTENT_TYPE, response.contentType());
            headers.put(Headers.CONTENT_LENGTH, response.body().length);
            exchange.getResponseSender().send(ByteBuffer.wrap(response.body()), IoCallback.END_EXCHANGE);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "response could not be written: {0}", e.toString());
            exchange.endExchange();
        }
    }

    /** Runs {@code action} with the deployment's class loader as the context class loader: the engine may start work. */
    void inDeployment(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(deploymentLoader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Receives the body into a {@link BoundedBody}, and delivers it once, with the deployment's class loader. */
    private final class BodyReader implements Receiver.PartialBytesCallback, Receiver.ErrorCallback {
        private final BodyCallback callback;
        private final BoundedBody body;
        private boolean done;

        BodyReader(long declaredLength, int limit, BodyCallback callback) {
            this.callback = callback;
            this.body = new BoundedBody(declaredLength, limit);
        }

        @Override
        public void handle(HttpServerExchange ignored, byte[] chunk, boolean last) {
            if (aborted || done) return;
            BoundedBody.Progress progress = body.add(chunk, 0, chunk.length);
            if (progress == BoundedBody.Progress.TOO_LARGE) {
                done = true;
                exchange.getRequestReceiver().pause();
                inDeployment(callback::onTooLarge);
            } else if (last || progress == BoundedBody.Progress.COMPLETE) {
                done = true;
                inDeployment(() -> body.deliver(callback));
            }
        }

        @Override
        public void error(HttpServerExchange ignored, IOException e) {
            failed(e);
        }

        void failed(IOException e) {
            if (aborted || done) return;
            done = true;
            inDeployment(() -> callback.onError(e));
        }
    }
}
