package dev.tidewire.internal.engine.websocket;

import java.util.zip.DataFormatException;

/**
 * Parses a client's RFC 6455 frames as their bytes arrive, in chunks of any size, and hands on whole messages and
 * control frames. Every rule a client can break ends in {@link Listener#onFailure} with the close code the
 * reference's {@code ws} answers with; nothing is read after it. One thread at a time.
 */
public final class FrameReader {
    static final int PROTOCOL_ERROR = 1002;
    static final int INVALID_DATA = 1007;
    static final int TOO_BIG = 1009;
    static final int NO_STATUS = 1005;
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MAX_HEADER = 14;

    /** What the reader finds, in the order of the bytes. */
    public interface Listener {
        void onText(String text);

        void onBinary(byte[] data);

        void onPing(byte[] payload);

        /** @param code the peer's close code, or 1005 when its close frame has none */
        void onClose(int code, String reason);

        /** The client broke a rule: close with this code. */
        void onFailure(int closeCode, String why);
    }

    private final Listener listener;
    private final long maxMessage;
    private final PerMessageDeflate deflate;
    private final Utf8Text utf8 = new Utf8Text();

    private final byte[] header = new byte[MAX_HEADER];
    private int headerHave;
    private boolean inPayload;
    private int opcode;
    private boolean fin;
    private boolean compressedFrame;
    private int mask;
    private long payloadLength;
    private long payloadHave;

    private int messageOpcode; // 0 when no data message is in progress
    private boolean messageCompressed;
    private boolean firstCompressedFrame;
    private static final byte[] NONE = new byte[0];
    private byte[] message = NONE;
    private int messageLength;
    private byte[] control; // made at the first control frame
    private boolean failed;

    /**
     * @param maxMessage the largest message accepted, before and after inflating (past it: 1009)
     * @param deflate    this connection's permessage-deflate, or {@code null} when it was not negotiated
     */
    public FrameReader(Listener listener, long maxMessage, PerMessageDeflate deflate) {
        this.listener = listener;
        this.maxMessage = maxMessage;
        this.deflate = deflate;
    }

    /** Reads the next bytes of the connection; the array may be reused after this returns. */
    public void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && !failed) {
            if (!inPayload) {
                i = readHeader(bytes, i, end);
            } else {
                i = readPayload(bytes, i, end);
            }
            if (inPayload && payloadHave == payloadLength && !failed) endFrame();
        }
    }

    /** @return where the header's bytes end in the chunk, or {@code end} when more are needed */
    private int readHeader(byte[] bytes, int i, int end) {
        while (i < end && headerHave < 2) header[headerHave++] = bytes[i++];
        if (headerHave < 2) return i;
        int needed = headerLength();
        int take = Math.min(needed - headerHave, end - i);
        System.arraycopy(bytes, i, header, headerHave, take);
        headerHave += take;
        i += take;
        if (headerHave == needed) startFrame(needed);
        return i;
    }

    private int headerLength() {
        int len7 = header[1] & 0x7f;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
    }

    private void startFrame(int headerLength) {
        headerHave = 0;
        int b0 = header[0] & 0xff;
        int b1 = header[1] & 0xff;
        fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        opcode = b0 & 0x0f;
        if ((b0 & 0x30) != 0) {
            fail(PROTOCOL_ERROR, "RSV2 or RSV3 set");
            return;
        }
        if ((b1 & 0x80) == 0) {
            fail(PROTOCOL_ERROR, "an unmasked client frame");
            return;
        }
        int len7 = b1 & 0x7f;
        long length;
        if (len7 == 126) {
            length = (header[2] & 0xff) << 8 | (header[3] & 0xff);
        } else if (len7 == 127) {
            length = 0;
            for (int k = 2; k < 10; k++) length = length << 8 | (header[k] & 0xff);
            if (length < 0) {
                fail(PROTOCOL_ERROR, "a frame length over 2^63");
                return;
            }
        } else {
            length = len7;
        }
        int m = headerLength - 4;
        mask = (header[m] & 0xff) << 24 | (header[m + 1] & 0xff) << 16 | (header[m + 2] & 0xff) << 8
                | (header[m + 3] & 0xff);
        if (opcode >= 8) {
            if (opcode > 10) {
                fail(PROTOCOL_ERROR, "a reserved control opcode " + opcode);
                return;
            }
            if (!fin || length > MAX_CONTROL_PAYLOAD || rsv1) {
                fail(PROTOCOL_ERROR, "a fragmented, compressed or long control frame");
                return;
            }
        } else if (opcode == 0) {
            if (messageOpcode == 0) {
                fail(PROTOCOL_ERROR, "a continuation frame outside a message");
                return;
            }
            if (rsv1) {
                fail(PROTOCOL_ERROR, "RSV1 on a continuation frame");
                return;
            }
        } else if (opcode == 1 || opcode == 2) {
            if (messageOpcode != 0) {
                fail(PROTOCOL_ERROR, "a new message before the last one ended");
                return;
            }
            if (rsv1 && deflate == null) {
                fail(PROTOCOL_ERROR, "RSV1 set without permessage-deflate");
                return;
            }
            messageOpcode = opcode;
            messageCompressed = rsv1;
            firstCompressedFrame = rsv1;
            messageLength = 0;
        } else {
            fail(PROTOCOL_ERROR, "a reserved data opcode " + opcode);
            return;
        }
        if (opcode < 8 && messageLength + length > maxMessage) {
            fail(TOO_BIG, "a message over " + maxMessage + " bytes");
            return;
        }
        compressedFrame = opcode < 8 && messageCompressed;
        payloadLength = length;
        payloadHave = 0;
        inPayload = true;
        if (opcode < 8 && message.length < messageLength + length) grow((int) (messageLength + length));
        if (opcode >= 8 && control == null) control = new byte[MAX_CONTROL_PAYLOAD];
    }

    private void grow(int needed) {
        byte[] bigger = new byte[Math.max(needed, Math.min(message.length * 2, (int) Math.min(maxMessage, Integer.MAX_VALUE - 8)))];
        System.arraycopy(message, 0, bigger, 0, messageLength);
        message = bigger;
    }

    private int readPayload(byte[] bytes, int i, int end) {
        int take = (int) Math.min(payloadLength - payloadHave, end - i);
        byte[] target = opcode >= 8 ? control : message;
        int at = opcode >= 8 ? (int) payloadHave : messageLength;
        System.arraycopy(bytes, i, target, at, take);
        Masking.unmask(target, at, take, mask, payloadHave);
        payloadHave += take;
        if (opcode < 8) messageLength += take;
        return i + take;
    }

    private void endFrame() {
        inPayload = false;
        if (opcode >= 8) {
            control(opcode, (int) payloadLength);
            return;
        }
        if (compressedFrame) {
            int start = messageLength - (int) payloadLength;
            byte[] inflated;
            try {
                inflated = deflate.inflate(message, start, (int) payloadLength, firstCompressedFrame, fin);
            } catch (DataFormatException e) {
                fail(INVALID_DATA, "invalid compressed data");
                return;
            }
            firstCompressedFrame = false;
            if (inflated == null || start + (long) inflated.length > maxMessage) {
                fail(TOO_BIG, "a message over " + maxMessage + " bytes when inflated");
                return;
            }
            messageLength = start;
            if (message.length < start + inflated.length) grow(start + inflated.length);
            System.arraycopy(inflated, 0, message, start, inflated.length);
            messageLength = start + inflated.length;
        }
        if (!fin) return;
        int kind = messageOpcode;
        messageOpcode = 0;
        int length = messageLength;
        messageLength = 0;
        if (kind == 1) {
            String text = utf8.decode(message, 0, length);
            if (text == null) {
                fail(INVALID_DATA, "a text message that is not UTF-8");
                return;
            }
            listener.onText(text);
        } else {
            byte[] data;
            if (message.length == length) { // the buffer was made for this message: handed on, not copied
                data = message;
                message = NONE;
            } else {
                data = new byte[length];
                System.arraycopy(message, 0, data, 0, length);
            }
            listener.onBinary(data);
        }
        if (message.length > 4096) message = NONE; // an idle connection keeps no large buffer
    }

    private void control(int kind, int length) {
        if (kind == 9) {
            byte[] payload = new byte[length];
            System.arraycopy(control, 0, payload, 0, length);
            listener.onPing(payload);
        } else if (kind == 8) {
            if (length == 0) {
                failed = true; // nothing is read after a close frame
                listener.onClose(NO_STATUS, "");
                return;
            }
            if (length == 1) {
                fail(PROTOCOL_ERROR, "a close frame of one byte");
                return;
            }
            int code = (control[0] & 0xff) << 8 | (control[1] & 0xff);
            if (!validCloseCode(code)) {
                fail(PROTOCOL_ERROR, "close code " + code);
                return;
            }
            String reason = utf8.decode(control, 2, length - 2);
            if (reason == null) {
                fail(INVALID_DATA, "a close reason that is not UTF-8");
                return;
            }
            failed = true; // nothing is read after a close frame
            listener.onClose(code, reason);
        }
        // a pong (10) is not answered
    }

    /** RFC 6455 section 7.4, as ws checks it. */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006
                || code >= 3000 && code <= 4999;
    }

    private void fail(int code, String why) {
        failed = true;
        inPayload = false;
        listener.onFailure(code, why);
    }
}
