package dev.tidewire.internal.jakarta;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionFunction;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;

import java.io.IOException;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Per-message deflate on Undertow (WildFly), for one deployment. WildFly keeps the deployment's
 * {@link WebSocketDeploymentInfo} in a servlet context attribute, and Undertow reads its extensions at every upgrade
 * ({@code ServerContainer.upgradeHttpToWebSocket} included), so the engine adds Undertow's own permessage-deflate there,
 * or takes over the one WildFly's server-wide {@code per-message-deflate} setting put there (keeping its level).
 * Undertow compresses every message; the wrapper sends a message that fits one frame and is below the threshold as it
 * is, clearing RSV1 before its header is written, as the reference's {@code ws} does. Only the engine's endpoint
 * negotiates the extension (it lists it in its configuration); compression itself is Undertow's {@code Deflater} code.
 * Loaded only on Undertow: nothing else references Undertow's types.
 */
final class UndertowDeflate {
    private UndertowDeflate() {
    }

    /**
     * @param deploymentInfo the context attribute {@link WebSocketDeploymentInfo#ATTRIBUTE_NAME}
     * @return what was done, for the log; {@code null} when nothing could be (no deployment info)
     */
    static String install(Object deploymentInfo, int threshold) {
        if (!(deploymentInfo instanceof WebSocketDeploymentInfo info)) return null;
        List<ExtensionHandshake> extensions = info.getExtensions();
        for (int i = 0; i < extensions.size(); i++) {
            ExtensionHandshake e = extensions.get(i);
            if (e instanceof ThresholdHandshake) return "already installed";
            if (e.getName().equals(ThresholdHandshake.NAME)) {
                extensions.set(i, new ThresholdHandshake(e, threshold));
                return "WildFly's server-wide per-message-deflate, with the threshold";
            }
        }
        info.addExtension(new ThresholdHandshake(new PerMessageDeflateHandshake(false, Deflater.DEFAULT_COMPRESSION),
                threshold));
        return "Undertow's permessage-deflate";
    }

    /** Undertow's handshake, whose compressor skips messages below the threshold. */
    static final class ThresholdHandshake implements ExtensionHandshake {
        static final String NAME = "permessage-deflate";
        private final ExtensionHandshake deflate;
        private final int threshold;

        ThresholdHandshake(ExtensionHandshake deflate, int threshold) {
            this.deflate = deflate;
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return deflate.getName();
        }

        @Override
        public WebSocketExtension accept(WebSocketExtension extension) {
            return deflate.accept(extension);
        }

        @Override
        public boolean isIncompatible(List<ExtensionHandshake> extensions) {
            return deflate.isIncompatible(extensions);
        }

        @Override
        public ExtensionFunction create() {
            return new ThresholdFunction(deflate.create(), threshold);
        }
    }

    /**
     * One connection's compressor. Undertow writes each message through its own frame channel and transforms a frame
     * before it makes the frame's header, on the connection's I/O thread; a message spread over several frames is
     * compressed whole (its size is unknown at its first frame).
     */
    static final class ThresholdFunction implements ExtensionFunction {
        private final ExtensionFunction deflate;
        private final int threshold;
        private StreamSinkFrameChannel compressing; // a message whose first frames were compressed, until its last

        ThresholdFunction(ExtensionFunction deflate, int threshold) {
            this.deflate = deflate;
            this.threshold = threshold;
        }

        @Override
        public boolean hasExtensionOpCode() {
            return deflate.hasExtensionOpCode();
        }

        @Override
        public int writeRsv(int rsv) {
            return deflate.writeRsv(rsv);
        }

        @Override
        public synchronized PooledByteBuffer transformForWrite(PooledByteBuffer pooledBuffer,
                                                               StreamSinkFrameChannel channel, boolean lastFrame)
                throws IOException {
            if (channel != compressing && lastFrame && pooledBuffer.getBuffer().remaining() < threshold) {
                channel.setRsv(0); // sent as it is: no RSV1 in its header
                return pooledBuffer;
            }
            compressing = lastFrame ? null : channel;
            return deflate.transformForWrite(pooledBuffer, channel, lastFrame);
        }

        @Override
        public PooledByteBuffer transformForRead(PooledByteBuffer pooledBuffer, StreamSourceFrameChannel channel,
                                                 boolean lastFragmentOfMessage) throws IOException {
            return deflate.transformForRead(pooledBuffer, channel, lastFragmentOfMessage);
        }

        @Override
        public void dispose() {
            deflate.dispose();
        }
    }
}
