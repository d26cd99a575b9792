package dev.tidewire.internal.engine.websocket;

import java.nio.charset.StandardCharsets;

/**
 * A server's RFC 6455 frames: one array holding the header and the payload, unmasked, each message in one frame, so
 * that one write hands a whole frame to the socket and the same array can go to every receiver of a broadcast.
 */
public final class FrameWriter {
    public static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CLOSE = 8;
    public static final int PONG = 10;
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int NORMAL = 1000;
    private static final int NO_STATUS = 1005;
    private static final int ABNORMAL = 1006;

    private FrameWriter() {
    }

    /** @param compressed whether the payload went through permessage-deflate (RSV1 set) */
    public static byte[] frame(int opcode, boolean compressed, byte[] payload) {
        int length = payload.length;
        int headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
        byte[] frame = new byte[headerLength + length];
        frame[0] = (byte) (0x80 | (compressed ? 0x40 : 0) | opcode);
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length < 65536) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int k = 0; k < 8; k++) frame[9 - k] = (byte) ((long) length >>> (8 * k));
        }
        System.arraycopy(payload, 0, frame, headerLength, length);
        return frame;
    }

    /**
     * The code of the close frame that answers the peer's (section 5.5.1 echoes the code): the peer's own, or 1000
     * when it sent none (1005) or went away without a close frame (1006); neither may be sent in a frame.
     */
    public static int answeringCloseCode(int peerCode) {
        return peerCode == NO_STATUS || peerCode == ABNORMAL ? NORMAL : peerCode;
    }

    /** A close frame (section 5.5.1): the code, then the reason in UTF-8, cut to fit a control frame. */
    public static byte[] close(int code, String reason) {
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_CONTROL_PAYLOAD - 2);
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return frame(CLOSE, false, payload);
    }
}
