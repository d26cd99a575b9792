package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameWriterTest {
    @Test
    void headersForEachLengthForm() {
        assertEquals(2 + 125, FrameWriter.frame(FrameWriter.TEXT, false, new byte[125]).length);
        byte[] medium = FrameWriter.frame(FrameWriter.BINARY, false, new byte[126]);
        assertArrayEquals(new byte[] {(byte) 0x82, 126, 0, 126}, java.util.Arrays.copyOf(medium, 4));
        byte[] large = FrameWriter.frame(FrameWriter.BINARY, true, new byte[65536]);
        assertArrayEquals(new byte[] {(byte) 0xc2, 127, 0, 0, 0, 0, 0, 1, 0, 0}, java.util.Arrays.copyOf(large, 10));
        assertEquals(10 + 65536, large.length);
    }

    @Test
    void aServerFrameIsReadBackByTheReaderOnceMasked() {
        byte[] frame = FrameWriter.frame(FrameWriter.TEXT, false, "4hi".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {(byte) 0x81, 3, '4', 'h', 'i'}, frame);
    }

    @Test
    void aCloseIsAnsweredWithThePeersCodeOr1000WhenItHadNone() {
        assertEquals(1001, FrameWriter.answeringCloseCode(1001));
        assertEquals(4000, FrameWriter.answeringCloseCode(4000));
        assertEquals(1000, FrameWriter.answeringCloseCode(1005));
        assertEquals(1000, FrameWriter.answeringCloseCode(1006));
    }

    @Test
    void closeFramesCarryTheCodeAndAReasonCutToFit() {
        assertArrayEquals(new byte[] {(byte) 0x88, 4, 0x03, (byte) 0xf1, 'o', 'k'}, FrameWriter.close(1009, "ok"));
        byte[] cut = FrameWriter.close(1000, "x".repeat(300));
        assertEquals(2 + 125, cut.length);
    }
}
