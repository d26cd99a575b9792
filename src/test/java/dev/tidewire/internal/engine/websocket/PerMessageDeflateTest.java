package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PerMessageDeflateTest {
    @Test
    void theSameMessageAlwaysCompressesToTheSameBytesAndInflatesBack() throws DataFormatException {
        byte[] message = ("4" + "tidewire ".repeat(200)).getBytes(StandardCharsets.UTF_8);
        PerMessageDeflate server = new PerMessageDeflate(false, 1 << 20);
        byte[] first = server.deflate(message, 0, message.length, true);
        byte[] second = server.deflate(message, 0, message.length, true);
        assertArrayEquals(first, second, "no context is kept between messages");
        PerMessageDeflate peer = new PerMessageDeflate(false, 1 << 20);
        assertArrayEquals(message, peer.inflate(first, 0, first.length, true, true));
        assertArrayEquals(message, peer.inflate(second, 0, second.length, true, true));
    }

    @Test
    void anEmptyMessageIsOneZeroByteAndTheInflatedSizeIsBounded() throws DataFormatException {
        PerMessageDeflate server = new PerMessageDeflate(false, 100);
        assertArrayEquals(new byte[] {0}, server.deflate(new byte[0], 0, 0, true));
        byte[] big = server.deflate(new byte[101], 0, 101, true);
        assertNull(new PerMessageDeflate(false, 100).inflate(big, 0, big.length, true, true));
    }
}
