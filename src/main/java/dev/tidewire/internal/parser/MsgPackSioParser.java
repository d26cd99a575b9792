package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;

import java.util.List;

/** {@link SioParser#MSGPACK}: {@link MsgPackEncoder} and {@link MsgPackDecoder}. */
final class MsgPackSioParser implements SioParser {
    @Override
    public List<Packet> encode(SioPacket packet, JsonFallback fallback) {
        return List.of(Packet.binaryMessage(MsgPackEncoder.encode(packet, fallback)));
    }

    @Override
    public SioPacketDecoder newDecoder(ParserLimits limits) {
        return new MsgPackDecoder(limits);
    }

    @Override
    public String toString() {
        return "msgpack";
    }
}
