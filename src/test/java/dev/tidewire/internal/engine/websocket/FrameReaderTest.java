package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.tidewire.internal.engine.websocket.ClientFrames.concat;
import static dev.tidewire.internal.engine.websocket.ClientFrames.deflate;
import static dev.tidewire.internal.engine.websocket.ClientFrames.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameReaderTest {
    private static final int MAX = 100_000;

    /** What the reader reported, in order, as short strings; binary as its length and a checksum. */
    private static final class Recorded implements FrameReader.Listener {
        final List<String> events = new ArrayList<>();
        final List<byte[]> binaries = new ArrayList<>();

        public void onText(String text) {
            events.add("text:" + text);
        }

        public void onBinary(byte[] data) {
            binaries.add(data);
            events.add("binary:" + data.length);
        }

        public void onPing(byte[] payload) {
            events.add("ping:" + new String(payload, StandardCharsets.UTF_8));
        }

        public void onClose(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }

        public void onFailure(int closeCode, String why) {
            events.add("fail:" + closeCode);
        }
    }

    private static Recorded read(byte[] bytes) {
        return read(bytes, null, bytes.length);
    }

    private static Recorded read(byte[] bytes, PerMessageDeflate deflate, int chunk) {
        Recorded r = new Recorded();
        FrameReader reader = new FrameReader(r, MAX, deflate);
        for (int i = 0; i < bytes.length; i += chunk) reader.feed(bytes, i, Math.min(chunk, bytes.length - i));
        return r;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTextFrameReadInOneChunkOrByteByByte() {
        byte[] bytes = concat(frame(true, 0, 1, utf8("2probe")), frame(true, 0, 1, utf8("4héllo ✓")));
        assertEquals(List.of("text:2probe", "text:4héllo ✓"), read(bytes).events);
        assertEquals(List.of("text:2probe", "text:4héllo ✓"), read(bytes, null, 1).events);
    }

    @Test
    void everyLengthFormAndAnyChunkingGiveTheSameBytes() {
        Random random = new Random(1);
        for (int size : new int[] {0, 1, 125, 126, 65535, 65536, 70001}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] bytes = frame(true, 0, 2, data);
            for (int chunk : new int[] {1, 3, 7, 4096, bytes.length}) {
                if (chunk == 1 && size > 200) continue; // byte by byte is covered by the small sizes
                Recorded r = read(bytes, null, chunk);
                assertEquals(List.of("binary:" + size), r.events, "size " + size + ", chunk " + chunk);
                assertArrayEquals(data, r.binaries.get(0));
            }
        }
    }

    @Test
    void aFragmentedMessageWithAPingBetweenItsFrames() {
        byte[] bytes = concat(frame(false, 0, 1, utf8("4hel")), frame(true, 0, 9, utf8("p")),
                frame(false, 0, 0, utf8("lo ")), frame(true, 0, 0, utf8("there")));
        assertEquals(List.of("ping:p", "text:4hello there"), read(bytes, null, 5).events);
    }

    @Test
    void aCloseFrameEndsTheReading() {
        byte[] close = concat(new byte[] {0x03, (byte) 0xe8}, utf8("bye"));
        assertEquals(List.of("close:1000:bye"), read(concat(frame(true, 0, 8, close), frame(true, 0, 1, utf8("4x"))))
                .events);
        assertEquals(List.of("close:1005:"), read(frame(true, 0, 8, new byte[0])).events);
    }

    @Test
    void brokenRulesFailWithTheCodesWsUses() {
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 1, utf8("4x"), false)).events, "unmasked");
        assertEquals(List.of("fail:1002"), read(frame(true, 4, 1, utf8("4x"))).events, "RSV1 without deflate");
        assertEquals(List.of("fail:1002"), read(frame(true, 2, 1, utf8("4x"))).events, "RSV2");
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 3, utf8("4x"))).events, "reserved opcode");
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 0, utf8("4x"))).events, "continuation first");
        assertEquals(List.of("fail:1002"), read(concat(frame(false, 0, 1, utf8("4")), frame(true, 0, 1, utf8("4"))))
                .events, "new message inside one");
        assertEquals(List.of("fail:1002"), read(frame(false, 0, 9, utf8("p"))).events, "fragmented ping");
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 9, new byte[126])).events, "long ping");
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 8, new byte[] {3})).events, "one-byte close");
        assertEquals(List.of("fail:1002"), read(frame(true, 0, 8, new byte[] {3, (byte) 0xed})).events, "close 1005");
        assertEquals(List.of("fail:1007"), read(frame(true, 0, 1, new byte[] {'4', (byte) 0xc3})).events, "bad UTF-8");
        assertEquals(List.of("fail:1009"), read(frame(true, 0, 2, new byte[MAX + 1])).events, "one frame too big");
        assertEquals(List.of("fail:1009"), read(concat(frame(false, 0, 2, new byte[MAX / 2 + 1]),
                frame(true, 0, 0, new byte[MAX / 2]))).events, "fragments too big together");
    }

    @Test
    void nothingIsReadAfterAFailure() {
        byte[] bytes = concat(frame(true, 0, 1, utf8("4x"), false), frame(true, 0, 1, utf8("4y")));
        assertEquals(List.of("fail:1002"), read(bytes, null, 1).events);
    }

    @Test
    void compressedMessagesAreInflatedAndBounded() {
        String text = "4" + "tidewire ".repeat(500);
        PerMessageDeflate deflate = new PerMessageDeflate(false, MAX);
        byte[] bytes = concat(frame(true, 4, 1, deflate(utf8(text))), frame(true, 0, 1, utf8("4plain")));
        assertEquals(List.of("text:" + text, "text:4plain"), read(bytes, deflate, 100).events);

        byte[] huge = new byte[MAX + 10];
        Arrays.fill(huge, (byte) 'a');
        assertEquals(List.of("fail:1009"),
                read(frame(true, 4, 2, deflate(huge)), new PerMessageDeflate(false, MAX), 4096).events);
        assertEquals(List.of("fail:1007"), read(frame(true, 4, 2, new byte[] {(byte) 0xff, (byte) 0xff, 0x12}),
                new PerMessageDeflate(false, MAX), 4096).events);
        assertEquals(List.of("fail:1002"), read(concat(frame(false, 4, 1, deflate(utf8("4a"))),
                frame(true, 4, 0, deflate(utf8("b")))), new PerMessageDeflate(false, MAX), 4096).events,
                "RSV1 on a continuation");
    }

    @Test
    void closeCodesAsWsChecksThem() {
        assertEquals(true, FrameReader.validCloseCode(1000));
        assertEquals(true, FrameReader.validCloseCode(1011));
        assertEquals(true, FrameReader.validCloseCode(4999));
        assertEquals(false, FrameReader.validCloseCode(1004));
        assertEquals(false, FrameReader.validCloseCode(1006));
        assertEquals(false, FrameReader.validCloseCode(2000));
        assertEquals(false, FrameReader.validCloseCode(999));
    }
}
