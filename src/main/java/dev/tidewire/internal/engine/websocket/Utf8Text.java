package dev.tidewire.internal.engine.websocket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of text frames (RFC 6455 section 8.1: invalid UTF-8 fails the connection, as {@code ws} does).
 * Pure ASCII, the usual Engine.IO text, is decoded without the checking decoder.
 */
final class Utf8Text {
    private CharsetDecoder decoder; // made at the first text that is not ASCII: an idle connection holds none

    /** @return the text, or {@code null} when the bytes are not valid UTF-8 */
    String decode(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) return false;
        }
        return true;
    }
}
