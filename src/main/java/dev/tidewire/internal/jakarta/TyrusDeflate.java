package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.DeflateOffer;
import dev.tidewire.internal.engine.websocket.PerMessageDeflate;
import jakarta.websocket.Extension;
import org.glassfish.tyrus.core.extension.ExtendedExtension;
import org.glassfish.tyrus.core.frame.Frame;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * Per-message deflate (RFC 7692) on Tyrus (Payara Micro), whose distribution lacks Tyrus's own deflate extension.
 * The endpoint lists {@link Installed}; the endpoint's configurator ({@link RegisteredEndpointUpgrade}) asks it for
 * each handshake ({@link WebSocketCompression.Negotiating}), and it answers with a {@link Connection}: Tyrus's
 * {@link ExtendedExtension} for that one connection, with its own {@link PerMessageDeflate}. The rules are
 * {@link UndertowDeflate}'s:
 * <ul>
 * <li>offers are answered by {@link DeflateOffer} (the next offer of the header is tried after a declined one); the
 * server's compressor never keeps its context between messages, and the decompressor starts afresh after each
 * message of a client that said it resets;</li>
 * <li>a message that fits one frame and is below the threshold goes as it is, RSV1 clear;</li>
 * <li>an inflated message is bounded by {@code maxHttpBufferSize}: past it the inflater stops and the connection is
 * closed with 1009, as the engine closes an uncompressed message over the limit. Corrupt data closes with 1007.</li>
 * </ul>
 * Tyrus logs and ignores exceptions thrown by an extension, so failures are answered with a close frame handed on in
 * place of the data frame: Tyrus then closes the connection with that code. Loaded only where Tyrus's extension API
 * is usable from the application (see {@link WebSocketCompression}).
 */
final class TyrusDeflate {
    static final String NAME = DeflateOffer.EXTENSION;
    static final int TOO_BIG = 1009;
    static final int INVALID_DATA = 1007;

    private TyrusDeflate() {
    }

    /** The extension the endpoint lists: negotiates, and makes one {@link Connection} per accepted handshake. */
    static final class Installed implements Extension, WebSocketCompression.Negotiating {
        private final int threshold;
        private final int maxInflated;

        Installed(int threshold, int maxInflated) {
            this.threshold = threshold;
            this.maxInflated = maxInflated;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public List<Parameter> getParameters() {
            return List.of();
        }

        /** RFC 7692 section 5: the first acceptable offer, in the client's order; {@code null} to decline them all. */
        @Override
        public Extension negotiate(List<Extension> offers) {
            if (offers == null) return null;
            for (Extension offer : offers) {
                if (!NAME.equals(offer.getName())) continue;
                Connection accepted = accept(offer.getParameters());
                if (accepted != null) return accepted;
            }
            return null;
        }

        private Connection accept(List<Parameter> offered) {
            List<Map.Entry<String, String>> parameters = new ArrayList<>();
            if (offered != null) {
                for (Parameter p : offered) parameters.add(new SimpleEntry<>(p.getName(), p.getValue()));
            }
            DeflateOffer answer = DeflateOffer.accept(parameters);
            if (answer == null) return null;
            List<Parameter> response = answer.responseParameters().stream().map(TyrusDeflate::parameter).toList();
            return new Connection(response, answer.clientResets(), threshold, maxInflated);
        }
    }

    private static Extension.Parameter parameter(String name) {
        return new Extension.Parameter() {
            public String getName() {
                return name;
            }

            public String getValue() {
                return null;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * The extension of one connection. Tyrus hands it inbound frames in arrival order on one thread at a time and
     * outbound frames from whichever thread sends; each direction has its own lock.
     */
    static final class Connection implements ExtendedExtension {
        private final List<Parameter> response;
        private final int threshold;
        private final Object outLock = new Object();
        private final Object inLock = new Object();
        private final PerMessageDeflate codec;
        private boolean compressingMessage; // outbound: a fragmented message whose first frame was compressed
        private boolean inflatingMessage; // inbound: a fragmented message whose first frame had RSV1
        private int failed; // inbound: the close code handed on, answered again to any later data frame; 0 if none

        Connection(List<Parameter> response, boolean clientResets, int threshold, int maxInflated) {
            this.response = response;
            this.threshold = threshold;
            this.codec = new PerMessageDeflate(clientResets, maxInflated);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public List<Parameter> getParameters() {
            return response;
        }

        /** Tyrus asks for the response's parameters (with {@code null}: the offer was decided in negotiation). */
        @Override
        public List<Parameter> onExtensionNegotiation(ExtensionContext context, List<Parameter> requested) {
            return response;
        }

        @Override
        public void onHandshakeResponse(ExtensionContext context, List<Parameter> responseParameters) {
        }

        @Override
        public Frame processOutgoing(ExtensionContext context, Frame frame) {
            if (frame.isControlFrame()) return frame;
            synchronized (outLock) {
                boolean first = frame.getOpcode() != 0;
                if (first) {
                    compressingMessage = !frame.isFin() || frame.getPayloadLength() >= threshold;
                    if (!compressingMessage) return frame;
                } else if (!compressingMessage) {
                    return frame;
                }
                byte[] data = frame.getPayloadData();
                byte[] compressed = codec.deflate(data, 0, data.length, frame.isFin());
                if (frame.isFin()) compressingMessage = false;
                return Frame.builder(frame).rsv1(first).payloadData(compressed).build();
            }
        }

        @Override
        public Frame processIncoming(ExtensionContext context, Frame frame) {
            if (frame.isControlFrame()) return frame;
            synchronized (inLock) {
                if (failed != 0) return closeFrame(failed, "");
                boolean first = frame.getOpcode() != 0;
                if (first) inflatingMessage = frame.isRsv1();
                if (!inflatingMessage) return frame;
                if (!first && frame.isRsv1()) return frame; // RSV1 on a continuation: Tyrus fails it (1002)
                byte[] inflated;
                try {
                    byte[] data = frame.getPayloadData();
                    inflated = codec.inflate(data, 0, data.length, first, frame.isFin());
                } catch (DataFormatException e) {
                    failed = INVALID_DATA;
                    return closeFrame(INVALID_DATA, "invalid compressed data");
                }
                if (inflated == null) {
                    failed = TOO_BIG;
                    return closeFrame(TOO_BIG, "message too big");
                }
                if (frame.isFin()) inflatingMessage = false;
                return Frame.builder(frame).rsv1(false).payloadData(inflated).build();
            }
        }

        private static Frame closeFrame(int code, String reason) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            return Frame.builder().fin(true).opcode((byte) 0x08).payloadData(payload).build();
        }

        @Override
        public void destroy(ExtensionContext context) {
            synchronized (outLock) {
                synchronized (inLock) {
                    codec.end();
                }
            }
        }
    }
}
