package dev.tidewire.internal.engine;

import java.util.List;

/**
 * How one session's polling requests carry packets: the body of a poll's answer, and the body of a POST. Chosen at
 * the handshake by the protocol revision and the client's capabilities ({@link EngineProtocol#payloadCodec}).
 */
interface PayloadCodec {
    /** The answer to a poll; {@code packets} is not empty. */
    PollBody encode(List<Packet> packets);

    /** Whether a POST may be {@code application/octet-stream} (v3's binary payload); otherwise it is refused. */
    boolean acceptsBinaryBody();

    /**
     * The packets of a POST body, up to the first malformed one.
     *
     * @param binaryBody the POST declared {@code application/octet-stream}
     * @param maxPackets a bound on the packets, so that a small body cannot make a huge list
     */
    Payload.Decoded decode(byte[] body, boolean binaryBody, int maxPackets);

    /** An encoded poll answer: its content type and bytes. */
    record PollBody(String contentType, byte[] bytes) {
    }
}
