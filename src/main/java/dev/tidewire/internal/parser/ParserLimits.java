package dev.tidewire.internal.parser;

/**
 * Limits on what a client may send, each configurable.
 *
 * @param maxAttachments most binary attachments in one packet (reference default 10)
 * @param maxDepth       deepest JSON nesting of arrays/objects accepted in a payload
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
