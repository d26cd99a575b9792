package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.DeflateOffer;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionFunction;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateFunction;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;

import java.io.IOException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Per-message deflate on Undertow (WildFly), for one deployment. WildFly keeps the deployment's
 * {@link WebSocketDeploymentInfo} in a servlet context attribute, and Undertow reads its extensions at every upgrade
 * ({@code ServerContainer.upgradeHttpToWebSocket} included), so the engine adds a permessage-deflate handshake there
 * (in place of the one WildFly's server-wide {@code per-message-deflate} setting may have put there: one handshake per
 * name is used). Compression is Undertow's own {@link PerMessageDeflateFunction} ({@code java.util.zip}); around it:
 * <ul>
 * <li>a message that fits one frame and is below the threshold goes as it is (RSV1 cleared before its header is
 * written), as the reference's {@code ws} does;</li>
 * <li>the negotiation keeps no state: Undertow's own handshake object, shared by every connection of the deployment,
 * remembers one client's {@code *_no_context_takeover} for all later ones, so that a client asking for
 * {@code client_no_context_takeover} would make the server lose the context of every later client that keeps it. Here
 * the server's compressor never keeps its context between messages (always decodable, whatever was negotiated) and
 * its decompressor always does (it also decodes a client that resets); an offer that limits the server's window below
 * the JDK's fixed 15 bits is declined.</li>
 * </ul>
 * Only the engine's endpoint negotiates the extension (it lists it in its configuration). Loaded only on Undertow:
 * nothing else references Undertow's types.
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
                extensions.set(i, new ThresholdHandshake(threshold));
                return "in place of WildFly's server-wide per-message-deflate";
            }
        }
        info.addExtension(new ThresholdHandshake(threshold));
        return "Undertow's deflate";
    }

    /** The negotiation (stateless) and the per-connection compressor with the threshold. */
    static final class ThresholdHandshake implements ExtensionHandshake {
        static final String NAME = DeflateOffer.EXTENSION;
        private final int threshold;

        ThresholdHandshake(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return NAME;
        }

        /** RFC 7692 section 7.1: the response to one offer ({@link DeflateOffer}), or null to decline it. */
        @Override
        public WebSocketExtension accept(WebSocketExtension offer) {
            if (offer == null || !offer.getName().equals(NAME)) return null;
            List<Map.Entry<String, String>> parameters = new ArrayList<>();
            for (WebSocketExtension.Parameter p : offer.getParameters()) {
                parameters.add(new SimpleEntry<>(p.getName(), p.getValue()));
            }
            DeflateOffer answer = DeflateOffer.accept(parameters);
            if (answer == null) return null;
            List<WebSocketExtension.Parameter> response = new ArrayList<>(2);
            for (String name : answer.responseParameters()) response.add(new WebSocketExtension.Parameter(name, null));
            return new WebSocketExtension(NAME, response);
        }

        @Override
        public boolean isIncompatible(List<ExtensionHandshake> extensions) {
            for (ExtensionHandshake e : extensions) {
                if (e.getName().equals(NAME)) return true;
            }
            return false;
        }

        @Override
        public ExtensionFunction create() {
            // compressor without context takeover, decompressor with it (see the class comment)
            return new ThresholdFunction(new PerMessageDeflateFunction(Deflater.DEFAULT_COMPRESSION, false, true),
                    threshold);
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
