package dev.tidewire.bench;

import dev.tidewire.internal.engine.Packet;
import dev.tidewire.internal.parser.JsonFallback;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.internal.parser.SioDecoder;
import dev.tidewire.internal.parser.SioEncoder;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketType;
import dev.tidewire.internal.parser.SioParseException;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Socket.IO packets: the bench contract's small JSON event and ack, and a binary event with a 64 KiB attachment. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SioCodecBench {
    SioPacket event;
    SioPacket ack;
    SioPacket binaryEvent;
    String eventText;
    String ackText;
    String binaryEventText;
    byte[] attachment;

    @Setup
    public void setup() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("seq", 12345L);
        payload.put("text", "hello");
        payload.put("n", 42L);
        payload.put("flag", true);
        event = new SioPacket(SioPacketType.EVENT, "/", -1, List.of("echo", payload));
        ack = new SioPacket(SioPacketType.ACK, "/", 17, List.of(payload));
        attachment = new byte[65536];
        binaryEvent = new SioPacket(SioPacketType.EVENT, "/", 18, List.of("echo", attachment));
        eventText = SioEncoder.encodeText(event, JsonFallback.REJECT);
        ackText = SioEncoder.encodeText(ack, JsonFallback.REJECT);
        binaryEventText = SioEncoder.encode(binaryEvent).get(0).text();
    }

    @Benchmark
    public List<Packet> encodeEvent() {
        return SioEncoder.encode(event);
    }

    @Benchmark
    public List<Packet> encodeAck() {
        return SioEncoder.encode(ack);
    }

    @Benchmark
    public List<Packet> encodeBinaryEvent() {
        return SioEncoder.encode(binaryEvent);
    }

    @Benchmark
    public SioPacket decodeEvent() throws SioParseException {
        return new SioDecoder(ParserLimits.DEFAULTS).decodeText(eventText);
    }

    @Benchmark
    public SioPacket decodeAck() throws SioParseException {
        return new SioDecoder(ParserLimits.DEFAULTS).decodeText(ackText);
    }

    /** The placeholder frame, then the attachment frame completes the packet. */
    @Benchmark
    public SioPacket decodeBinaryEvent() throws SioParseException {
        SioDecoder d = new SioDecoder(ParserLimits.DEFAULTS);
        SioPacket first = d.decodeText(binaryEventText);
        if (first != null) throw new IllegalStateException("expected to await the attachment");
        return d.decodeBinary(attachment);
    }
}
