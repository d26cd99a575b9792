package dev.tidewire.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One Engine.IO packet: a type with text data, or a binary MESSAGE. Immutable; the encoded forms are computed
 * once and cached so that a broadcast packet is encoded once for all its targets.
 * <p>
 * A packet may be compressed unless it says otherwise ({@link #compress()}; the reference's
 * {@code options.compress}, {@code true} unless an emit asked for {@code compress(false)}): a polling answer is
 * compressed only when one of its packets may be, and its body reaches the threshold.
 */
public final class Packet {
    public static final Packet PING = new Packet(PacketType.PING, "", null, true);
    public static final Packet PONG = new Packet(PacketType.PONG, "", null, true);
    public static final Packet PONG_PROBE = new Packet(PacketType.PONG, "probe", null, true);
    public static final Packet CLOSE = new Packet(PacketType.CLOSE, "", null, true);
    public static final Packet NOOP = new Packet(PacketType.NOOP, "", null, true);

    private final PacketType type;
    private final String text;
    private final byte[] binary;
    private final boolean compress;
    private String encodedText;
    // v3 forms of a binary message (Engine.IO v3 clients), made once for all recipients of a broadcast
    private byte[] v3BinaryFrame;
    private String v3Base64Text;

    private Packet(PacketType type, String text, byte[] binary, boolean compress) {
        this.type = type;
        this.text = text;
        this.binary = binary;
        this.compress = compress;
    }

    public static Packet of(PacketType type, String text) {
        return new Packet(Objects.requireNonNull(type), text == null ? "" : text, null, true);
    }

    public static Packet message(String text) {
        return new Packet(PacketType.MESSAGE, Objects.requireNonNull(text), null, true);
    }

    /** A binary message; the array is not copied and must not be changed afterwards. */
    public static Packet binaryMessage(byte[] data) {
        return new Packet(PacketType.MESSAGE, null, Objects.requireNonNull(data), true);
    }

    /** This packet, or the same data with the other compression flag (sharing the data and its encoded form). */
    public Packet withCompress(boolean compress) {
        if (compress == this.compress) return this;
        Packet copy = new Packet(type, text, binary, compress);
        copy.encodedText = encodedText;
        return copy;
    }

    /** Whether this packet may be sent compressed (the reference's {@code options.compress}); true by default. */
    public boolean compress() {
        return compress;
    }

    /** Whether any of these packets may be compressed: the reference's rule for a polling answer. */
    static boolean anyCompressible(java.util.List<Packet> packets) {
        for (Packet p : packets) {
            if (p.compress) return true;
        }
        return false;
    }

    public PacketType type() {
        return type;
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** Text data (without the type digit); {@code null} for a binary message. */
    public String text() {
        return text;
    }

    /** Binary data; {@code null} for a text packet. The array is shared: do not modify it. */
    public byte[] binary() {
        return binary;
    }

    /** The text form: type digit plus data for text, {@code b}+base64 for binary (the polling form). */
    public String encodedText() {
        String e = encodedText;
        if (e == null) {
            e = binary != null ? "b" + Base64.getEncoder().encodeToString(binary) : type.digit() + text;
            encodedText = e;
        }
        return e;
    }

    /** The v3 binary WebSocket frame of a binary message: the type byte, then the data. */
    byte[] v3BinaryFrame() {
        byte[] f = v3BinaryFrame;
        if (f == null) {
            f = PacketCodecV3.binaryFrame(this);
            v3BinaryFrame = f; // racy but idempotent, as encodedText
        }
        return f;
    }

    /** The v3 text form of a binary message, for a client that takes no binary: {@code b4} and base64. */
    String v3Base64Text() {
        String t = v3Base64Text;
        if (t == null) {
            t = PacketCodecV3.base64Text(this);
            v3Base64Text = t;
        }
        return t;
    }

    /** Approximate bytes this packet occupies on the wire, used to bound outbound queues. */
    public int wireSize() {
        return binary != null ? binary.length : 1 + text.length();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Packet p)) return false;
        return type == p.type && Objects.equals(text, p.text) && java.util.Arrays.equals(binary, p.binary);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (binary != null ? java.util.Arrays.hashCode(binary) : text.hashCode());
    }

    @Override
    public String toString() {
        return binary != null ? "Packet[binary " + binary.length + " bytes]"
                : "Packet[" + type + " " + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "]";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
