package dev.tidewire.internal.parser;

/**
 * Limits on what a client may send, each configurable. Sizes are bounded by the engine's message limit
 * ({@code maxHttpBufferSize}); with the MessagePack parser every declared length is checked against the message too.
 *
 * @param maxAttachments most binary attachments in one packet (reference default 10); the default parser only, as
 *                       MessagePack carries binary in place
 * @param maxDepth       deepest nesting of arrays/objects accepted in a payload, in JSON or MessagePack
 * @param maxAckId       largest ack id accepted (ids are non-negative integers)
 */
public record ParserLimits(int maxAttachments, int maxDepth, long maxAckId) {
    public static final ParserLimits DEFAULTS = new ParserLimits(10, 32, Integer.MAX_VALUE);
    /** The JSON reader recurses once per level; this many levels fit any thread's stack with room to spare. */
    public static final int MAX_DEPTH_CEILING = 1000;

    public ParserLimits {
        if (maxAttachments < 0 || maxDepth < 1 || maxAckId < 0) throw new IllegalArgumentException("invalid limits");
        if (maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth above " + MAX_DEPTH_CEILING + ": " + maxDepth);
        }
    }
}
