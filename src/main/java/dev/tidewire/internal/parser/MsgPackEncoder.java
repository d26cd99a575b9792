package dev.tidewire.internal.parser;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes a Socket.IO packet as the reference's {@code socket.io-msgpack-parser} does: one MessagePack map
 * {@code {type, data, nsp, id}}, sent as one binary Engine.IO message, the keys in the order of the reference's
 * broadcasts. {@code data} is left out when the packet has none (a DISCONNECT) and {@code id} when it carries no ack
 * (where the reference may write a field as notepack's {@code undefined}, which a client reads the same). Binary
 * travels in place (no attachments), so the packet keeps its type: there are no BINARY_EVENT and BINARY_ACK on this
 * wire. Stateless and thread-safe.
 */
final class MsgPackEncoder {
    /** Most packets are small: a first buffer of 512 bytes rather than msgpack-core's default 8 KiB per packet. */
    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(512);

    private MsgPackEncoder() {
    }

    /**
     * @throws IllegalArgumentException for a namespace not starting with {@code /}, a negative ack id, or a value
     *                                  neither the writer nor {@code fallback} handles
     */
    static byte[] encode(SioPacket packet, JsonFallback fallback) {
        String nsp = packet.namespace();
        if (nsp.charAt(0) != '/') throw new IllegalArgumentException("namespace must start with '/': " + nsp);
        if (packet.ackId() < SioPacket.NO_ACK) throw new IllegalArgumentException("negative ack id " + packet.ackId());
        Object data = packet.data();
        try (MessageBufferPacker out = PACKER.newBufferPacker()) {
            out.packMapHeader(2 + (data != null ? 1 : 0) + (packet.hasAck() ? 1 : 0));
            out.packString("type");
            out.packInt(wireType(packet.type()));
            if (data != null) {
                out.packString("data");
                new MsgPackWriter(out, fallback).write(data, 0);
            }
            out.packString("nsp");
            out.packString(nsp);
            if (packet.hasAck()) {
                out.packString("id");
                out.packLong(packet.ackId());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
    }

    /** The type number on this wire: binary events and acks are plain ones, their binary being in place. */
    static int wireType(SioPacketType type) {
        return switch (type) {
            case BINARY_EVENT -> SioPacketType.EVENT.ordinal();
            case BINARY_ACK -> SioPacketType.ACK.ordinal();
            default -> type.ordinal();
        };
    }
}
