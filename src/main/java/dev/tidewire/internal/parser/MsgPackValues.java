package dev.tidewire.internal.parser;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One value as MessagePack, for other layers that exchange JSON values in notepack.io's format (the Redis adapters):
 * the same reading and writing as the MessagePack parser's, so a value means the same wherever it came from.
 */
public final class MsgPackValues {
    private MsgPackValues() {
    }

    /**
     * @throws IllegalArgumentException for a value that is not a plain JSON tree (or {@code byte[]}), or one nested
     *                                  too deep (or cyclic)
     */
    public static byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            new MsgPackWriter(packer, JsonFallback.REJECT).write(value, 0);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
    }

    /**
     * The one value {@code bytes} hold, all of them, read as the MessagePack parser reads a client's (a top-level
     * {@code undefined} is null).
     *
     * @param maxDepth how deep containers may nest
     * @throws SioParseException when they are not one MessagePack value, or it nests deeper than {@code maxDepth}
     *                           (sizes are checked against the input before anything is allocated)
     */
    public static Object decode(byte[] bytes, int maxDepth) throws SioParseException {
        if (bytes.length == 0) throw new SioParseException("an empty message");
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            Object value = new MsgPackReader(unpacker, bytes.length, maxDepth).read(0);
            if (unpacker.hasNext()) throw new SioParseException("bytes after the MessagePack value");
            return value == MsgPackReader.UNDEFINED ? null : value;
        } catch (IOException | MessagePackException e) {
            throw new SioParseException("not MessagePack: " + e.getMessage());
        }
    }
}
