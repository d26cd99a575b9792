package dev.tidewire.bench;

import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.engine.PacketCodec;
import dev.tidewire.internal.engine.PacketParseException;
import dev.tidewire.internal.engine.Payload;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Engine.IO: one packet's text form (WebSocket frames) and polling payloads (packets joined by the separator). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineCodecBench {
    static final String SMALL_EVENT = "2[\"echo\",{\"seq\":12345,\"text\":\"hello\",\"n\":42,\"flag\":true}]";

    String frame;
    String payload10;
    List<Packet> packets10;
    byte[] binary64k;

    @Setup
    public void setup() {
        frame = "4" + SMALL_EVENT;
        packets10 = new ArrayList<>();
        for (int i = 0; i < 10; i++) packets10.add(Packet.message(SMALL_EVENT));
        payload10 = Payload.encode(packets10);
        binary64k = new byte[65536];
    }

    @Benchmark
    public Packet decodeTextFrame() throws PacketParseException {
        return PacketCodec.decodeText(frame);
    }

    /** A fresh packet each time: the encoded form is cached per packet, so this measures the first encoding. */
    @Benchmark
    public String encodeTextFrame() {
        return Packet.message(SMALL_EVENT).encodedText();
    }

    @Benchmark
    public Packet decodeBinaryFrame() {
        return PacketCodec.decodeBinary(binary64k);
    }

    @Benchmark
    public String encodePayload10() {
        List<Packet> fresh = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) fresh.add(Packet.message(SMALL_EVENT));
        return Payload.encode(fresh);
    }

    @Benchmark
    public List<Packet> decodePayload10() throws PacketParseException {
        return Payload.decode(payload10, 100);
    }

    /** Polling form of a 64 KiB binary message (base64). */
    @Benchmark
    public String encodeBinaryForPolling() {
        return Packet.binaryMessage(binary64k).encodedText();
    }
}
