package dev.tidewire.internal.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** maxHttpBufferSize on inbound WebSocket messages: over it, close 1009; text counted in UTF-8 bytes across parts. */
class InboundSizeLimitTest {
    private final FakeWebSocketConnection connection = new FakeWebSocketConnection();
    private final List<Object> delivered = new ArrayList<>();
    private final InboundSizeLimit limit = new InboundSizeLimit(10, connection);

    @BeforeEach
    void attach() {
        limit.attach(new WebSocketHandler() {
            public void onText(String text) {
                delivered.add(text);
            }

            public void onBinary(byte[] data) {
                delivered.add(data);
            }

            public void onClose(int code) {
            }

            public void onError(Throwable error) {
            }
        });
    }

    @Test
    void wholeAndPartedTextsUpToTheLimitAreDeliveredJoined() {
        limit.onTextPart("4hello", true);
        limit.onTextPart("4ab", false);
        limit.onTextPart("cdefgh", true); // 10 bytes in all
        assertEquals(List.of("4hello", "4abcdefgh"), delivered);
        assertNull(connection.closeCode);
    }

    @Test
    void aTextOverTheLimitInUtf8BytesClosesWith1009() {
        limit.onTextPart("4\u00e9\u00e9\u00e9\u00e9\u00e9", true); // 6 characters, 11 bytes
        assertEquals(List.of(), delivered);
        assertEquals(1009, connection.closeCode);
    }

    @Test
    void partsOverTheLimitCloseOnceAndDeliverNothing() {
        limit.onTextPart("4abcdef", false);
        limit.onTextPart("ghij", false); // 11 bytes
        limit.onTextPart("k", true);
        assertEquals(List.of(), delivered);
        assertEquals(1009, connection.closeCode);
    }

    @Test
    void aSurrogatePairSplitAcrossPartsCountsFourBytes() {
        String pair = "\ud83d\ude00";
        limit.onTextPart("4abcde" + pair.charAt(0), false); // 6 + 2
        limit.onTextPart(pair.charAt(1) + "", true); // + 2 = 10
        assertEquals(List.of("4abcde" + pair), delivered);
        assertFalse(connection.isClosed());
        assertEquals(4, InboundSizeLimit.utf8Length(pair));
    }

    @Test
    void aBinaryMessageOverTheLimitClosesWith1009() {
        byte[] ten = new byte[10];
        limit.onBinary(ten);
        assertArrayEquals(ten, (byte[]) delivered.get(0));
        limit.onBinary(new byte[11]);
        assertEquals(1, delivered.size());
        assertEquals(1009, connection.closeCode);
    }
}
