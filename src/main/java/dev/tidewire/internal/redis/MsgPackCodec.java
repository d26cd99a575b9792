package dev.tidewire.internal.redis;

import dev.tidewire.internal.parser.MsgPackValues;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.internal.parser.SioParseException;

/**
 * MessagePack as the reference's adapters write and read it ({@code notepack.io}), between JSON values and bytes,
 * read and written as the MessagePack parser reads and writes a client's ({@link MsgPackValues}): maps with string
 * keys, arrays, strings, numbers (a whole one is a {@code Long}, as JavaScript has one number type), booleans, nil,
 * {@code byte[]} as {@code bin} (a Node {@code Buffer}), and a {@code Date} as the ISO text a Node client would get.
 */
final class MsgPackCodec {
    private MsgPackCodec() {
    }

    /** @throws IllegalArgumentException for a value that is not a plain JSON tree (or {@code byte[]}) */
    static byte[] encode(Object value) {
        return MsgPackValues.encode(value);
    }

    /**
     * The value that {@code bytes} hold, all of them.
     *
     * @throws MalformedMessageException when they are not one MessagePack value (sizes are checked against the
     *                                   input before anything is allocated)
     */
    static Object decode(byte[] bytes) {
        try {
            return MsgPackValues.decode(bytes, ParserLimits.MAX_DEPTH_CEILING);
        } catch (SioParseException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }
}
