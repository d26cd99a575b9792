package dev.tidewire.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * v3 JSONP polling ({@code j=<index>} at the handshake): the length-prefixed text payload inside the callback script
 * (text/plain, as the reference), and POSTs as forms. A JSONP client cannot take binary, so binary goes as base64.
 */
final class JsonpPayloadCodec implements PayloadCodec {
    private static final Logger LOG = System.getLogger("tidewire.engine.polling");
    private final String callbackIndex;

    JsonpPayloadCodec(String jParameter) {
        this.callbackIndex = Jsonp.callbackIndex(jParameter);
    }

    @Override
    public PollBody encode(List<Packet> packets) {
        String script = Jsonp.script(callbackIndex, LengthPrefixedPayload.encode(packets));
        return new PollBody(HttpResponse.TEXT_UTF8, script.getBytes(StandardCharsets.UTF_8));
    }

    /** A form is never octet-stream; such a POST is refused as in v4. */
    @Override
    public boolean acceptsBinaryBody() {
        return false;
    }

    /** A form without a single {@code d} field holds no packets: the reference answers it "ok" and ignores it. */
    @Override
    public Payload.Decoded decode(byte[] body, boolean binaryBody, int maxPackets) {
        String payload = Jsonp.postedPayload(body);
        if (payload == null) {
            LOG.log(Level.DEBUG, "JSONP POST without a single d field ignored");
            return new Payload.Decoded(List.of(), null);
        }
        return LengthPrefixedPayload.decode(payload, maxPackets);
    }
}
