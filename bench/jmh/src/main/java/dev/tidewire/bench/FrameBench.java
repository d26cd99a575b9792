package dev.tidewire.bench;

import dev.tidewire.internal.engine.websocket.FrameReader;
import dev.tidewire.internal.engine.websocket.FrameWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Tidewire's RFC 6455 framing (webSocketFraming=tidewire): reading a client's masked frames, in the 16 KiB chunks the
 * connection reads, and making a server frame. {@code unmaskByteWise64k} is the byte-at-a-time loop that the
 * container's reader runs (the reference point for the word-wise unmasking inside {@code readBinary64k}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameBench {
    static final String SMALL_EVENT = "42[\"echo\",{\"seq\":12345,\"text\":\"hello\",\"n\":42,\"flag\":true}]";
    private static final int CHUNK = 16 * 1024;

    byte[] smallTextFrame;
    byte[] binary64kFrame;
    byte[] payload64k;
    int mask;
    Blackhole hole;
    FrameReader reader;

    @Setup
    public void setup(Blackhole blackhole) {
        hole = blackhole;
        Random random = new Random(1);
        mask = random.nextInt();
        smallTextFrame = masked(1, SMALL_EVENT.getBytes(StandardCharsets.UTF_8));
        payload64k = new byte[65536];
        random.nextBytes(payload64k);
        binary64kFrame = masked(2, payload64k);
        reader = new FrameReader(new FrameReader.Listener() {
            public void onText(String text) {
                hole.consume(text);
            }

            public void onBinary(byte[] data) {
                hole.consume(data);
            }

            public void onPing(byte[] payload) {
            }

            public void onClose(int code, String reason) {
            }

            public void onFailure(int closeCode, String why) {
                throw new IllegalStateException(why);
            }
        }, 1 << 20, null);
    }

    private byte[] masked(int opcode, byte[] payload) {
        byte[] plain = FrameWriter.frame(opcode, false, payload);
        int header = plain.length - payload.length;
        byte[] frame = new byte[plain.length + 4];
        System.arraycopy(plain, 0, frame, 0, header);
        frame[1] |= (byte) 0x80;
        for (int k = 0; k < 4; k++) frame[header + k] = (byte) (mask >>> (24 - 8 * k));
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3))));
        }
        return frame;
    }

    @Benchmark
    public void readSmallText() {
        reader.feed(smallTextFrame, 0, smallTextFrame.length);
    }

    @Benchmark
    public void readBinary64k() {
        for (int i = 0; i < binary64kFrame.length; i += CHUNK) {
            reader.feed(binary64kFrame, i, Math.min(CHUNK, binary64kFrame.length - i));
        }
    }

    @Benchmark
    public byte[] unmaskByteWise64k() {
        byte[] data = payload64k;
        for (int i = 0; i < data.length; i++) data[i] ^= (byte) (mask >>> (24 - 8 * (i & 3)));
        return data;
    }

    @Benchmark
    public byte[] writeSmallText() {
        return FrameWriter.frame(FrameWriter.TEXT, false, SMALL_EVENT.getBytes(StandardCharsets.UTF_8));
    }
}
