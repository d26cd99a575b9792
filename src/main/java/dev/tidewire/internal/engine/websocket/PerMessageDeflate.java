package dev.tidewire.internal.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One connection's permessage-deflate (RFC 7692) with the engine's rules, whatever frames it: the compressor never
 * keeps its context between messages (so the same message always compresses to the same bytes), the decompressor
 * keeps it unless the client said it resets, and an inflated message is bounded. Not thread-safe: the outbound and the
 * inbound direction each need one thread at a time.
 */
public final class PerMessageDeflate {
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final boolean clientResets;
    private final long maxInflated;
    private long inflatedSoFar;

    /**
     * @param clientResets whether the client resets its context after each message ({@code client_no_context_takeover})
     * @param maxInflated  the largest inflated message accepted
     */
    public PerMessageDeflate(boolean clientResets, long maxInflated) {
        this.clientResets = clientResets;
        this.maxInflated = maxInflated;
    }

    /**
     * One frame's payload through the compressor; the last frame of a message ends it and resets the context
     * (section 7.2.1: the sync flush's {@code 00 00 ff ff} is removed; an empty result is sent as one {@code 00} byte).
     */
    public byte[] deflate(byte[] data, int offset, int length, boolean last) {
        deflater.setInput(data, offset, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 2));
        byte[] buffer = new byte[Math.min(Math.max(length, 64), 16384) + 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        byte[] bytes = out.toByteArray();
        if (!last) return bytes;
        deflater.reset();
        int kept = endsWithTail(bytes) ? bytes.length - TAIL.length : bytes.length;
        if (kept == 0) return new byte[] {0};
        if (kept == bytes.length) return bytes;
        byte[] trimmed = new byte[kept];
        System.arraycopy(bytes, 0, trimmed, 0, kept);
        return trimmed;
    }

    /**
     * One compressed frame of a message through the decompressor.
     *
     * @param first whether this frame starts a message (the bound counts from there)
     * @param last  whether it ends the message (the removed tail is put back)
     * @return the inflated bytes, or {@code null} when the message would pass the bound
     * @throws DataFormatException on corrupt data
     */
    public byte[] inflate(byte[] data, int offset, int length, boolean first, boolean last) throws DataFormatException {
        if (first) inflatedSoFar = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(64L, length * 4L), 65536));
        byte[] buffer = new byte[8192];
        inflateInto(data, offset, length, out, buffer);
        if (last && !inflater.finished()) inflateInto(TAIL, 0, TAIL.length, out, buffer);
        if (inflatedSoFar > maxInflated) return null;
        if (last && (clientResets || inflater.finished())) inflater.reset();
        return out.toByteArray();
    }

    private void inflateInto(byte[] input, int offset, int length, ByteArrayOutputStream out, byte[] buffer)
            throws DataFormatException {
        inflater.setInput(input, offset, length);
        while (!inflater.finished()) {
            // never more than one byte past the bound: a small frame must not make the server inflate much
            int room = (int) Math.min(buffer.length, maxInflated + 1L - inflatedSoFar);
            if (room <= 0) return;
            int n = inflater.inflate(buffer, 0, room);
            if (n == 0) {
                if (inflater.needsInput() || inflater.needsDictionary()) return;
                continue;
            }
            inflatedSoFar += n;
            out.write(buffer, 0, n);
        }
    }

    private static boolean endsWithTail(byte[] bytes) {
        if (bytes.length < TAIL.length) return false;
        for (int i = 0; i < TAIL.length; i++) {
            if (bytes[bytes.length - TAIL.length + i] != TAIL[i]) return false;
        }
        return true;
    }

    /** Frees the native memory; no call may follow. */
    public void end() {
        deflater.end();
        inflater.end();
    }
}
