package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MaskingTest {
    @Test
    void wordWiseUnmaskingEqualsTheByteWiseDefinitionAtEveryOffsetAndPhase() {
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[random.nextInt(70)];
            random.nextBytes(data);
            int offset = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = data.length - offset == 0 ? 0 : random.nextInt(data.length - offset + 1);
            int mask = random.nextInt();
            long position = random.nextInt(1000);
            byte[] expected = data.clone();
            for (int i = 0; i < length; i++) {
                int k = (int) ((position + i) & 3);
                expected[offset + i] ^= (byte) (mask >>> (24 - 8 * k));
            }
            Masking.unmask(data, offset, length, mask, position);
            assertArrayEquals(expected, data, "round " + round);
        }
    }
}
