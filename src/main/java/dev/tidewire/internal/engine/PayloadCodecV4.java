package dev.tidewire.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The v4 polling payload ({@link Payload}): UTF-8 text, records joined by U+001E, binary as {@code b<base64>}. */
final class PayloadCodecV4 implements PayloadCodec {
    static final PayloadCodecV4 INSTANCE = new PayloadCodecV4();

    private PayloadCodecV4() {
    }

    @Override
    public PollBody encode(List<Packet> packets) {
        return new PollBody(HttpResponse.TEXT_UTF8, Payload.encode(packets).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean acceptsBinaryBody() {
        return false;
    }

    @Override
    public Payload.Decoded decode(byte[] body, boolean binaryBody, int maxPackets) {
        return Payload.decodeUntilError(new String(body, StandardCharsets.UTF_8), maxPackets);
    }
}
