package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.WebSocketConnection;
import dev.tidewire.internal.engine.WebSocketHandler;
import dev.tidewire.internal.engine.websocket.FrameReader;
import dev.tidewire.internal.engine.websocket.FrameWriter;
import dev.tidewire.internal.engine.websocket.PerMessageDeflate;
import dev.tidewire.internal.engine.websocket.SharedFrames;
import dev.tidewire.internal.engine.websocket.WriteRound;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection framed by Tidewire ({@code webSocketFraming}) over the Servlet HTTP upgrade: the
 * container's non-blocking streams carry the bytes, {@link FrameReader} parses them on the container's reading thread,
 * and sends write whole frames from the sending thread while the stream is ready, queueing them otherwise (at most
 * the engine's frames in flight). Frames queued while the socket was busy go out together in one write. Made by the
 * container ({@code HttpServletRequest.upgrade}), hence public with a no-argument constructor; set up by
 * {@link ServletWebSocketUpgrade} before the container starts it.
 */
public final class UpgradedWebSocket
        implements HttpUpgradeHandler, WebSocketConnection, FrameReader.Listener, WriteRound.Deferred {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    static final int FRAMES_IN_FLIGHT = 16;
    private static final int ABNORMAL = 1006;
    private static final int MAX_BATCH = 64 * 1024;
    static final long LINGER_MILLIS = 2_000;
    private static final SharedFrames SHARED = new SharedFrames();
    private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private static final IOException CLOSED = new IOException("the WebSocket is closed");

    private EngineServer engine;
    private Scheduler timers;
    private RequestInfo request;
    private PerMessageDeflate deflate;
    private int deflateThreshold;
    private ClassLoader deploymentLoader;
    private UpgradedStreams streams;
    private final Object deflating = new Object();

    private WebConnection connection;
    private ServletInputStream in;
    private ServletOutputStream out;
    private FrameReader reader;
    private volatile WebSocketHandler handler = WebSocketHandler.IGNORE;
    private final AtomicBoolean ended = new AtomicBoolean();

    // outbound, guarded by this
    private ArrayDeque<Queued> queue;
    private boolean waitingForWritable;
    /**
     * Frames sent by a container thread while it handles what a connection read (this one's: the answers; another's:
     * a broadcast's fan-out) wait for the end of that thread's {@link WriteRound}, then go out in one write.
     */
    private boolean held;
    private boolean closeQueued;
    private boolean outputClosed;
    private int closeCode;
    /** The peer sent its close frame: it sends nothing more (RFC 6455, 5.5.1), so there is nothing to read and drop. */
    private boolean peerClosed;
    /** The input's closing after our close frame, while it is pending. */
    private Scheduler.Timer linger;
    /** Our close frame answered the peer's: the thread that wrote it closes the input once off this lock. */
    private boolean inputDue;
    /** {@link #closeInput()} ran (it runs once). */
    private boolean inputClosed;

    private record Queued(byte[] frame, SendCallback callback) {
    }

    public UpgradedWebSocket() {
    }

    /**
     * @param deflate          the negotiated permessage-deflate, or {@code null}
     * @param deploymentLoader the context class loader of the container's calls into this connection
     */
    void prepare(EngineServer engine, Scheduler timers, RequestInfo request, PerMessageDeflate deflate,
                 int deflateThreshold, UpgradedStreams streams, ClassLoader deploymentLoader) {
        this.streams = streams;
        this.engine = engine;
        this.timers = timers;
        this.request = request;
        this.deflate = deflate;
        this.deflateThreshold = deflateThreshold;
        this.deploymentLoader = deploymentLoader;
    }

    @Override
    public void init(WebConnection webConnection) {
        connection = webConnection;
        try {
            in = webConnection.getInputStream();
            out = webConnection.getOutputStream();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "upgraded connection unusable: {0}", e.toString());
            end(ABNORMAL);
            return;
        }
        if (engine == null) { // not prepared: cannot happen through the servlet; refuse rather than serve
            LOG.log(Level.WARNING, "WebSocket opened without an upgrade request checked by the engine; closing");
            shutDown();
            return;
        }
        reader = new FrameReader(this, engine.options().maxHttpBufferSize(), deflate);
        out.setWriteListener(new Writable());
        handler = engine.onWebSocketOpen(request, this);
        in.setReadListener(new Readable());
    }

    /** The container closed the connection: the engine hears the code of the close frame sent, or 1006. */
    @Override
    public void destroy() {
        inDeployment(this::ended);
    }

    private void ended() {
        int code;
        synchronized (this) {
            code = closeCode;
        }
        end(code != 0 ? code : ABNORMAL);
    }

    // ---------------------------------------------------------------- inbound (the container's reading thread)

    private final class Readable implements ReadListener {
        @Override
        public void onDataAvailable() throws IOException {
            byte[] buffer = READ_BUFFER.get();
            Thread thread = Thread.currentThread();
            ClassLoader previous = enterDeployment(thread);
            WriteRound round = WriteRound.startReading();
            try {
                while (in.isReady()) {
                    int n = in.read(buffer);
                    if (n < 0) break;
                    if (n > 0) reader.feed(buffer, 0, n);
                }
            } finally {
                round.endReading();
                leaveDeployment(thread, previous);
            }
        }

        @Override
        public void onAllDataRead() {
            inDeployment(() -> closeAfterPeer(ABNORMAL)); // the peer went away without a close frame
            finishInput(); // the peer's half is done; with ours the connection closes
        }

        @Override
        public void onError(Throwable error) {
            inDeployment(() -> failed(error));
        }
    }

    /**
     * The container calls the stream listeners on its I/O threads without the deployment's class loader as the
     * context class loader (unlike its JSR-356 endpoints); handlers that run inline, and the managed executors the
     * engine hands work to (which capture the submitting thread's context), need it.
     */
    private void inDeployment(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = enterDeployment(thread);
        try {
            action.run();
        } finally {
            leaveDeployment(thread, previous);
        }
    }

    private ClassLoader enterDeployment(Thread thread) {
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != deploymentLoader && deploymentLoader != null) thread.setContextClassLoader(deploymentLoader);
        return previous;
    }

    private void leaveDeployment(Thread thread, ClassLoader previous) {
        if (thread.getContextClassLoader() != previous) thread.setContextClassLoader(previous);
    }

    @Override
    public void onText(String text) {
        handler.onText(text);
    }

    @Override
    public void onBinary(byte[] data) {
        handler.onBinary(data);
    }

    @Override
    public void onPing(byte[] payload) {
        write(FrameWriter.frame(FrameWriter.PONG, false, payload), null);
    }

    @Override
    public void onClose(int code, String reason) {
        closeAfterPeer(code);
    }

    @Override
    public void onFailure(int closeCode, String why) {
        LOG.log(Level.INFO, "closing a WebSocket from {0} with {1}: {2}", request.remoteAddress(), closeCode, why);
        close(closeCode, why);
    }

    /** The peer closed: answer with a close frame (its code, or 1000 for none) and end. */
    private void closeAfterPeer(int code) {
        boolean answered;
        synchronized (this) {
            answered = outputClosed;
            peerClosed = true;
        }
        if (answered) finishInput(); // the close handshake is complete: nothing more is read
        if (ended.get()) return;
        queueClose(FrameWriter.answeringCloseCode(code), "");
        end(code);
    }

    /**
     * The stream failed: no close frame is sent (1006 means there was none, and the stream could not carry one), the
     * sends still waiting fail, the connection ends, and the engine hears 1006.
     */
    private void failed(Throwable error) {
        if (!ended.get()) handler.onError(error);
        synchronized (this) {
            closeQueued = true;
            if (closeCode == 0) closeCode = ABNORMAL;
            if (!outputClosed) shutDownLocked();
        }
        flushQueued(); // the output is closed: what still waits is failed; and the input closes if it is due
        end(ABNORMAL);
    }

    /** Tells the engine once, then releases the compressor. */
    private void end(int code) {
        if (!ended.compareAndSet(false, true)) return;
        handler.onClose(code);
        if (deflate != null) {
            synchronized (deflating) {
                deflate.end();
                deflate = null;
            }
        }
    }

    // ---------------------------------------------------------------- outbound (any thread)

    @Override
    public int maxFramesInFlight() {
        return FRAMES_IN_FLIGHT;
    }

    @Override
    public void sendText(String text, SendCallback callback) {
        byte[] frame;
        try {
            frame = textFrame(text);
        } catch (IllegalStateException e) { // closed meanwhile: the compressor is gone
            callback.onComplete(CLOSED);
            return;
        }
        write(frame, callback);
    }

    @Override
    public void sendBinary(byte[] data, SendCallback callback) {
        byte[] frame;
        try {
            frame = dataFrame(data, FrameWriter.BINARY, data, data.length);
        } catch (IllegalStateException e) {
            callback.onComplete(CLOSED);
            return;
        }
        write(frame, callback);
    }

    private byte[] textFrame(String text) {
        boolean compress = deflate != null && (text.length() >= deflateThreshold
                || 3L * text.length() >= deflateThreshold
                && text.getBytes(StandardCharsets.UTF_8).length >= deflateThreshold);
        byte[] frame = SHARED.find(text, compress);
        if (frame != null) return frame;
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        frame = frameOf(FrameWriter.TEXT, compress, payload);
        SHARED.keep(text, compress, frame);
        return frame;
    }

    private byte[] dataFrame(Object message, int opcode, byte[] payload, int length) {
        boolean compress = deflate != null && length >= deflateThreshold;
        byte[] frame = SHARED.find(message, compress);
        if (frame != null) return frame;
        frame = frameOf(opcode, compress, payload);
        SHARED.keep(message, compress, frame);
        return frame;
    }

    private byte[] frameOf(int opcode, boolean compress, byte[] payload) {
        if (!compress) return FrameWriter.frame(opcode, false, payload);
        byte[] compressed;
        synchronized (deflating) {
            PerMessageDeflate d = deflate;
            if (d == null) throw new IllegalStateException("closed");
            compressed = d.deflate(payload, 0, payload.length, true);
        }
        return FrameWriter.frame(opcode, true, compressed);
    }

    /** The engine hears of it when the container has closed the connection ({@link #destroy()}), not from here. */
    @Override
    public void close(int code, String reason) {
        queueClose(code, reason);
    }

    private void queueClose(int code, String reason) {
        synchronized (this) {
            if (closeQueued) return;
            closeQueued = true;
            closeCode = code;
        }
        write(FrameWriter.close(code, reason), null);
    }

    /**
     * Writes now when the stream is ready and nothing waits before this frame; queues it otherwise. A container thread
     * that is handling what a connection read queues it too, until its round ends.
     */
    private void write(byte[] frame, SendCallback callback) {
        Throwable failure = null;
        boolean written = false;
        boolean endInput;
        synchronized (this) {
            if (outputClosed || closeQueued && !isCloseFrame(frame)) {
                failure = CLOSED;
            } else if (!waitingForWritable && (queue == null || queue.isEmpty())) {
                WriteRound round = WriteRound.ofReadingThread();
                if (round != null) {
                    holdUntilTheEndOf(round);
                } else {
                    try {
                        written = writeNowLocked(frame);
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
            }
            if (!written && failure == null) {
                if (queue == null) queue = new ArrayDeque<>(4);
                queue.add(new Queued(frame, callback));
            }
            endInput = takeInputDueLocked();
        }
        if ((written || failure != null) && callback != null) callback.onComplete(failure);
        if (endInput) finishInput();
    }

    private void holdUntilTheEndOf(WriteRound round) {
        if (held) return;
        held = true;
        round.hold(this);
    }

    /** @return whether the frame was written; if not, the stream is busy and the container will say when it is not */
    private boolean writeNowLocked(byte[] frame) throws IOException {
        if (!out.isReady()) {
            waitingForWritable = true;
            return false;
        }
        send(frame);
        if (isCloseFrame(frame)) shutDownLocked();
        return true;
    }

    /**
     * Writes, and pushes the bytes out where the container needs telling: Grizzly (Payara) keeps what is written in
     * its buffer until flushed, where Undertow writes at once. A stream that cannot take everything now is left to
     * the container, which finishes the write and then says the stream is ready again.
     */
    private void send(byte[] bytes) throws IOException {
        out.write(bytes);
        if (!streams.flushEachWrite) return;
        if (out.isReady()) out.flush();
        else waitingForWritable = true;
    }

    private static boolean isCloseFrame(byte[] frame) {
        return (frame[0] & 0x0f) == FrameWriter.CLOSE;
    }

    /** The container's writing thread: the stream can take more, so the queued frames go out, several at once. */
    private final class Writable implements WriteListener {
        @Override
        public void onWritePossible() {
            inDeployment(UpgradedWebSocket.this::flushQueued); // completed sends may run application code
        }

        @Override
        public void onError(Throwable error) {
            inDeployment(() -> failed(error));
        }
    }

    /** The round of the container thread that held this connection's frames back ended. */
    @Override
    public void writeDeferred() {
        synchronized (this) {
            held = false;
        }
        inDeployment(this::flushQueued);
    }

    private void flushQueued() {
        ArrayDeque<SendCallback> done = null;
        Throwable failure = null;
        boolean endInput;
        synchronized (this) {
            waitingForWritable = false;
            try {
                while (queue != null && !queue.isEmpty() && !outputClosed) {
                    if (!out.isReady()) {
                        waitingForWritable = true;
                        break;
                    }
                    int length = 0;
                    int count = 0;
                    boolean closes = false;
                    for (Queued q : queue) {
                        if (count > 0 && length + q.frame.length > MAX_BATCH) break;
                        length += q.frame.length;
                        count++;
                        if (isCloseFrame(q.frame)) {
                            closes = true;
                            break;
                        }
                    }
                    byte[] batch = count == 1 ? queue.peek().frame : new byte[length];
                    int at = 0;
                    for (int i = 0; i < count; i++) {
                        Queued q = queue.poll();
                        if (count > 1) {
                            System.arraycopy(q.frame, 0, batch, at, q.frame.length);
                            at += q.frame.length;
                        }
                        if (q.callback != null) {
                            if (done == null) done = new ArrayDeque<>(count);
                            done.add(q.callback);
                        }
                    }
                    send(batch);
                    if (closes) shutDownLocked();
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            if (failure != null || outputClosed) {
                while (queue != null && !queue.isEmpty()) {
                    Queued q = queue.poll();
                    if (q.callback != null) {
                        if (done == null) done = new ArrayDeque<>();
                        done.add(q.callback);
                    }
                    failure = failure != null ? failure : CLOSED;
                }
            }
            endInput = takeInputDueLocked();
        }
        if (endInput) finishInput();
        if (done != null) {
            for (SendCallback callback : done) callback.onComplete(failure);
        }
        if (failure != null && failure != CLOSED) failed(failure);
    }

    /**
     * After the close frame: the output ends (the peer sees its end after the frame), and what the peer still sends is
     * read and dropped until it ends too (or {@link #LINGER_MILLIS} have passed). Closing the input at once would
     * close a socket with unread bytes, which makes the kernel answer with a reset, and a client still sending (a
     * frame over the limit, say) could lose the close frame. When our frame answers the peer's, the input closes at
     * once: the caller does it when it leaves this lock (the container may call our listeners while it closes).
     */
    private void shutDownLocked() {
        outputClosed = true;
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing the WebSocket output failed: {0}", e.toString());
        }
        if (peerClosed || timers == null) inputDue = true;
        else linger = timers.schedule(this::closeInput, LINGER_MILLIS);
    }

    private boolean takeInputDueLocked() {
        boolean due = inputDue;
        inputDue = false;
        return due;
    }

    /** {@link #closeInput()} now, or from the timer thread where the container needs it ({@link UpgradedStreams}). */
    private void finishInput() {
        if (streams.closeOffReadingThread && timers != null) timers.schedule(this::closeInput, 0);
        else closeInput();
    }

    /**
     * The last step: the input ends, and with it the connection. Undertow closes the socket once both streams are
     * closed; Grizzly (Payara) only when the connection itself is closed, so that is closed too. A pending linger is
     * cancelled, so that it does not sit in the timer queue (an undeployment waits for that queue to drain).
     */
    private void closeInput() {
        Scheduler.Timer pending;
        synchronized (this) {
            if (inputClosed) return;
            inputClosed = true;
            pending = linger;
        }
        if (pending != null) pending.cancel();
        try {
            if (in != null) in.close();
            if (connection != null) connection.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing the WebSocket connection failed: {0}", e.toString());
        }
    }

    private void shutDown() {
        boolean endInput;
        synchronized (this) {
            shutDownLocked();
            endInput = takeInputDueLocked();
        }
        if (endInput) finishInput();
    }
}
