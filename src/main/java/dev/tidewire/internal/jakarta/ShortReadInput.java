package dev.tidewire.internal.jakarta;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The input of a WebSocket upgraded by the Undertow fast path ({@link UndertowUpgrade}), read straight from XNIO's
 * channel into the caller's array. Undertow's own upgraded stream reads the socket again after every read that
 * emptied its buffer, and that read almost always finds nothing: one system call per readable event spent on
 * {@code EAGAIN} (stop 31: 2.19 reads per event in the echo scenario). Here a read that returns less than it was
 * asked for ends the event instead (the kernel gave all it had); reads stay resumed, so the selector, level-triggered,
 * reports the socket again as soon as more arrives. Only for connections without TLS, whose layer may hold
 * decrypted bytes that the selector does not see. Used on Undertow's I/O thread only, like the stream it replaces.
 */
final class ShortReadInput extends ServletInputStream {
    private final StreamSourceChannel channel;
    private ReadListener listener;
    private boolean ready;
    private boolean finished;
    private volatile boolean closed; // close() may come from any thread
    private boolean allDataReadCalled;
    /** The last array read into, and its wrapper: the caller reads into the same array every time. */
    private byte[] wrapped;
    private ByteBuffer wrapper;
    private byte[] oneByte;

    ShortReadInput(StreamSourceChannel channel) {
        this.channel = channel;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isReady() {
        return ready && !finished;
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        if (readListener == null) throw new NullPointerException("readListener");
        if (listener != null) throw new IllegalStateException("the read listener is already set");
        listener = readListener;
        channel.getReadSetter().set(c -> readable());
        // as Undertow's stream: the first event comes at once, for what the HTTP parser read past the upgrade request
        channel.wakeupReads();
    }

    /** The engine reads arrays; this is the contract's plain form, for completeness. */
    @Override
    public int read() throws IOException {
        if (oneByte == null) oneByte = new byte[1];
        int n = read(oneByte, 0, 1);
        if (n == 0) throw new IllegalStateException("no byte is ready: wait for the read listener");
        return n < 0 ? -1 : oneByte[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("the stream is closed");
        if (!ready) throw new IllegalStateException("read while the stream is not ready");
        if (finished) return -1;
        if (len == 0) return 0;
        int n = channel.read(view(b, off, len));
        if (n < 0) {
            finished = true;
            ready = false;
            return -1;
        }
        if (n < len) ready = false; // the socket is drained: the selector says when it is not
        return n;
    }

    private ByteBuffer view(byte[] b, int off, int len) {
        if (b != wrapped) {
            wrapped = b;
            wrapper = ByteBuffer.wrap(b);
        }
        wrapper.limit(off + len).position(off);
        return wrapper;
    }

    /** The channel is readable (Undertow's I/O thread). */
    private void readable() {
        if (finished || closed) return;
        ready = true;
        try {
            listener.onDataAvailable();
        } catch (Exception e) {
            listener.onError(e);
            IoUtils.safeClose(channel);
            return;
        }
        if (finished && !allDataReadCalled) {
            allDataReadCalled = true;
            try {
                channel.shutdownReads();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
                IoUtils.safeClose(channel);
            }
        } else if (isReady()) {
            channel.suspendReads(); // the listener stopped before the stream did: as Undertow's stream, wait
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        finished = true;
        channel.suspendReads();
        channel.shutdownReads();
    }
}
