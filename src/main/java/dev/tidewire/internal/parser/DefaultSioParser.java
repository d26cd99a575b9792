package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;

import java.util.List;

/** {@link SioParser#DEFAULT}: {@link SioEncoder} and {@link SioDecoder}. */
final class DefaultSioParser implements SioParser {
    @Override
    public List<Packet> encode(SioPacket packet, JsonFallback fallback) {
        return SioEncoder.encode(packet, fallback);
    }

    @Override
    public SioPacketDecoder newDecoder(ParserLimits limits) {
        return new SioDecoder(limits);
    }

    @Override
    public String toString() {
        return "default";
    }
}
