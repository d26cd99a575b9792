package dev.tidewire.internal.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.Deflater;

/** Frames as a client sends them (masked), for the reader's tests and the ITs that write raw frames. */
public final class ClientFrames {
    private static final Random RANDOM = new Random(7);

    private ClientFrames() {
    }

    public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return frame(fin, rsv, opcode, payload, true);
    }

    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | rsv << 4 | opcode);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            out.write(maskBit | n);
        } else if (n < 65536) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(maskBit | 127);
            for (int k = 7; k >= 0; k--) out.write((int) ((long) n >>> (8 * k)));
        }
        byte[] key = new byte[4];
        RANDOM.nextBytes(key);
        if (masked) out.write(key, 0, 4);
        for (int i = 0; i < n; i++) out.write(masked ? payload[i] ^ key[i & 3] : payload[i]);
        return out.toByteArray();
    }

    /** permessage-deflate as a client does it: raw deflate, sync flush, the 00 00 ff ff tail removed. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        byte[] buffer = new byte[data.length + 64];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        byte[] out = new byte[n - 4];
        System.arraycopy(buffer, 0, out, 0, n - 4);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.write(p, 0, p.length);
        return out.toByteArray();
    }
}
