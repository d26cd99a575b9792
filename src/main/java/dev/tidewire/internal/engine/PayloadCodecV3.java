package dev.tidewire.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The v3 polling payloads. A client that sent {@code b64} gets the length-prefixed text payload only; an XHR2 client
 * gets the binary payload whenever a batch holds binary, as the reference. Either may POST both kinds.
 */
final class PayloadCodecV3 implements PayloadCodec {
    static final PayloadCodecV3 BASE64 = new PayloadCodecV3(false);
    static final PayloadCodecV3 XHR2 = new PayloadCodecV3(true);

    static final String OCTET_STREAM = "application/octet-stream";

    private final boolean binaryAnswers;

    private PayloadCodecV3(boolean binaryAnswers) {
        this.binaryAnswers = binaryAnswers;
    }

    @Override
    public PollBody encode(List<Packet> packets) {
        if (binaryAnswers && hasBinary(packets)) return new PollBody(OCTET_STREAM, BinaryPayload.encode(packets));
        return new PollBody(HttpResponse.TEXT_UTF8,
                LengthPrefixedPayload.encode(packets).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasBinary(List<Packet> packets) {
        for (Packet p : packets) {
            if (p.isBinary()) return true;
        }
        return false;
    }

    @Override
    public boolean acceptsBinaryBody() {
        return true;
    }

    @Override
    public Payload.Decoded decode(byte[] body, boolean binaryBody, int maxPackets) {
        if (binaryBody) return BinaryPayload.decode(body, maxPackets);
        return LengthPrefixedPayload.decode(new String(body, StandardCharsets.UTF_8), maxPackets);
    }
}
