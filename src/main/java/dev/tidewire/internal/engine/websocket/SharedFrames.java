package dev.tidewire.internal.engine.websocket;

/**
 * Recently made frames, found by the identity of the message they carry: the engine hands every receiver of a
 * broadcast the same encoded message object, so all of them share one frame array (the socket copies it, nobody
 * changes it). A compressed frame is shared too: the compressor keeps no context between messages, so a message
 * always compresses to the same bytes. Slots are overwritten freely; a miss only costs making the frame again.
 */
public final class SharedFrames {
    private static final int SLOTS = 16;

    /** Immutable, so a frame seen through a racy read is always whole. */
    private record Made(Object message, boolean compressed, byte[] frame) {
    }

    private final Made[] slots = new Made[SLOTS];

    /** @return the frame made for this very message object, or {@code null} */
    public byte[] find(Object message, boolean compressed) {
        Made made = slots[slot(message)];
        return made != null && made.message == message && made.compressed == compressed ? made.frame : null;
    }

    public void keep(Object message, boolean compressed, byte[] frame) {
        slots[slot(message)] = new Made(message, compressed, frame);
    }

    private static int slot(Object message) {
        return System.identityHashCode(message) & (SLOTS - 1);
    }
}
