package dev.tidewire.internal.parser;

import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MessagePack from a client into the plain Java tree the default parser yields for the same JavaScript value,
 * so that handlers see one set of types whichever parser a server uses: {@code LinkedHashMap<String,Object>},
 * {@code ArrayList<Object>}, String, Long (integers, and integral floats within long's range: JavaScript has one
 * number type) or Double (other numbers, NaN and the infinities included, which JSON cannot carry), Boolean, null,
 * and {@code byte[]} for {@code bin}. Extensions as the parser's notepack.io (2.2) reads them, then as
 * {@code JSON.stringify} would pass them on: its {@code undefined} (fixext 1 of type 0) is null in an array and leaves
 * a map key or a packet field out, its {@code ArrayBuffer} (ext 8/16/32 of type 0) is {@code byte[]}, its {@code Date}
 * (fixext 8 of type 0, milliseconds) the ISO text {@code JSON.stringify} writes (null beyond a {@code Date}'s range),
 * and any other extension {@code [type, bytes]}. The MessagePack timestamp (type -1, notepack 3's {@code Date}) is
 * read as a date too.
 *
 * <p>Bounded, because the input is untrusted: containers nest at most {@code maxDepth} levels, and every declared
 * length or count is checked against the bytes left before anything is allocated for it (each element takes a byte
 * or more), so the work and memory stay proportional to the message, which the engine bounds.
 */
final class MsgPackReader {
    /** What {@link #read} returns for JavaScript's {@code undefined}; it never reaches a packet. */
    static final Object UNDEFINED = new Object();
    private static final byte NOTEPACK_TYPE = 0;
    private static final byte TIMESTAMP_TYPE = -1;
    /** The range of a JavaScript {@code Date}, in ms either side of the epoch. */
    private static final double DATE_RANGE_MS = 8.64e15;

    private final MessageUnpacker in;
    private final long size;
    private final int maxDepth;

    MsgPackReader(MessageUnpacker in, long size, int maxDepth) {
        this.in = in;
        this.size = size;
        this.maxDepth = maxDepth;
    }

    /** The next value, or {@link #UNDEFINED}; its containers are {@code depth + 1} levels deep. */
    Object read(int depth) throws IOException, SioParseException {
        MessageFormat format = nextFormat();
        return switch (format.getValueType()) {
            case NIL -> {
                in.unpackNil();
                yield null;
            }
            case BOOLEAN -> in.unpackBoolean();
            case INTEGER -> readInteger(format);
            case FLOAT -> JsNumbers.jsNumber(in.unpackDouble());
            case STRING -> readString();
            case BINARY -> payload(in.unpackBinaryHeader());
            case ARRAY -> readArray(depth + 1);
            case MAP -> readMap(depth + 1);
            case EXTENSION -> readExtension(format, depth + 1);
        };
    }

    /** A map's key: a string, or an integer as JavaScript names a property by it. */
    String readKey() throws IOException, SioParseException {
        MessageFormat format = nextFormat();
        return switch (format.getValueType()) {
            case STRING -> readString();
            case INTEGER -> String.valueOf(readInteger(format));
            default -> throw new SioParseException("a MessagePack map key that is a " + format.getValueType()
                    + ", not a string");
        };
    }

    /** The format of the next value; the one byte MessagePack never uses has no value type. */
    MessageFormat nextFormat() throws IOException, SioParseException {
        MessageFormat format = in.getNextFormat();
        if (format == MessageFormat.NEVER_USED) throw new SioParseException("a byte MessagePack never uses (0xc1)");
        return format;
    }

    /** A map header whose entries (two values each, a byte or more apiece) fit in the bytes left. */
    int readMapHeader() throws IOException, SioParseException {
        int count = in.unpackMapHeader();
        remaining(2L * count);
        return count;
    }

    private Object readInteger(MessageFormat format) throws IOException {
        if (format == MessageFormat.UINT64) {
            BigInteger big = in.unpackBigInteger();
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        return in.unpackLong();
    }


    private String readString() throws IOException, SioParseException {
        // malformed UTF-8 becomes U+FFFD, as Node's Buffer#toString makes it
        return new String(payload(in.unpackRawStringHeader()), StandardCharsets.UTF_8);
    }

    private List<Object> readArray(int depth) throws IOException, SioParseException {
        checkDepth(depth);
        int count = in.unpackArrayHeader();
        remaining(count);
        List<Object> list = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            Object item = read(depth);
            list.add(item == UNDEFINED ? null : item);
        }
        return list;
    }

    private Map<String, Object> readMap(int depth) throws IOException, SioParseException {
        checkDepth(depth);
        int count = readMapHeader();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = readKey();
            Object value = read(depth);
            // a repeated key keeps its first position and its last value, as in JavaScript; an undefined one is left
            // out, as JSON.stringify leaves it out
            if (value == UNDEFINED) map.remove(key);
            else map.put(key, value);
        }
        return map;
    }

    /** @param depth how deep the {@code [type, bytes]} array of an unknown extension would be */
    private Object readExtension(MessageFormat format, int depth) throws IOException, SioParseException {
        ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
        int length = header.getLength();
        remaining(length);
        byte type = header.getType();
        if (type == TIMESTAMP_TYPE && (length == 4 || length == 8 || length == 12)) return timestampText(header);
        byte[] bytes = in.readPayload(length);
        if (type == NOTEPACK_TYPE) {
            switch (format) {
                case FIXEXT1 -> {
                    return UNDEFINED;
                }
                case FIXEXT8 -> {
                    return dateText(ByteBuffer.wrap(bytes).getLong());
                }
                case EXT8, EXT16, EXT32 -> {
                    return bytes; // an ArrayBuffer or typed array, which notepack writes so in Node
                }
                default -> {
                    // as any other extension
                }
            }
        }
        checkDepth(depth);
        List<Object> typed = new ArrayList<>(2);
        typed.add((long) type);
        typed.add(bytes);
        return typed;
    }

    private Object timestampText(ExtensionTypeHeader header) throws IOException {
        Instant at;
        try {
            at = in.unpackTimestamp(header);
        } catch (DateTimeException | ArithmeticException beyondInstant) {
            return null; // far beyond a Date's range too
        }
        return dateText(at.getEpochSecond() * 1e3 + at.getNano() / 1e6);
    }

    /** What {@code JSON.stringify} makes of a {@code Date} of this time value: its ISO text, or null when invalid. */
    private static Object dateText(double epochMilli) {
        if (!(Math.abs(epochMilli) <= DATE_RANGE_MS)) return null;
        return JsDates.isoInstant((long) epochMilli); // toward zero, as a Date's time value is cut
    }

    private byte[] payload(int length) throws IOException, SioParseException {
        remaining(length);
        return in.readPayload(length);
    }

    private void remaining(long needed) throws SioParseException {
        if (needed < 0 || needed > size - in.getTotalReadBytes()) {
            throw new SioParseException("a MessagePack length beyond the end of the message");
        }
    }

    private void checkDepth(int depth) throws SioParseException {
        if (depth > maxDepth) throw new SioParseException("MessagePack nested deeper than " + maxDepth + " levels");
    }
}
