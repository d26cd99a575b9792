package dev.tidewire.server;

import dev.tidewire.internal.engine.Packet;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * An Engine.IO packet as {@link Connection}'s listeners see it: the reference's {@code {type, data}}. Immutable. Its
 * data is the packet's own, not a copy: text as a {@code String}, binary as a read-only view of the bytes received or
 * queued. Hold on to neither longer than you need: a broadcast's packet is the same for every client it goes to.
 */
public final class EnginePacket {
    private static final String[] TYPE_NAMES = typeNames();

    private final Packet packet;

    private EnginePacket(Packet packet) {
        this.packet = packet;
    }

    static EnginePacket of(Packet packet) {
        return new EnginePacket(packet);
    }

    static List<EnginePacket> of(List<Packet> packets) {
        EnginePacket[] out = new EnginePacket[packets.size()];
        for (int i = 0; i < out.length; i++) out[i] = new EnginePacket(packets.get(i));
        return List.of(out);
    }

    /** {@code open}, {@code close}, {@code ping}, {@code pong}, {@code message}, {@code upgrade} or {@code noop}. */
    public String type() {
        return TYPE_NAMES[packet.type().ordinal()];
    }

    /** Whether the data is binary (a binary message); then {@link #text()} is null. */
    public boolean isBinary() {
        return packet.isBinary();
    }

    /**
     * The text data, without the packet type's digit: for a message the Socket.IO packet as encoded (for example
     * {@code 2["hello"]}), for a ping or pong usually {@code ""}; {@code null} for binary data.
     */
    public String text() {
        return packet.text();
    }

    /**
     * The binary data as a read-only buffer over the packet's bytes (each call a new view, from position 0); {@code null}
     * for text data.
     */
    public ByteBuffer binary() {
        byte[] data = packet.binary();
        return data == null ? null : ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        if (isBinary()) return "EnginePacket[" + type() + ", " + packet.binary().length + " bytes]";
        String text = packet.text();
        return "EnginePacket[" + type() + ", " + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "]";
    }

    private static String[] typeNames() {
        var types = dev.tidewire.internal.engine.PacketType.values();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) names[i] = types[i].name().toLowerCase(Locale.ROOT);
        return names;
    }
}
