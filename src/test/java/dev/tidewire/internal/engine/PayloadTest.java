package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void separatorIsRecordSeparator() {
        assertEquals('\u001e', Payload.SEPARATOR);
    }

    @Test
    void encodesPacketsJoinedByRecordSeparator() {
        String s = Payload.encode(List.of(Packet.message("hello"), Packet.binaryMessage(new byte[] {1, 2, 3, 4})));
        assertEquals("4hello\u001ebAQIDBA==", s);
    }

    @Test
    void encodesASinglePacketWithoutSeparator() {
        assertEquals("4hello", Payload.encode(List.of(Packet.message("hello"))));
        assertEquals("6\u001e1", Payload.encode(List.of(Packet.NOOP, Packet.CLOSE)));
    }

    @Test
    void decodesTheProtocolExample() throws Exception {
        List<Packet> packets = Payload.decode("4hello\u001ebAQIDBA==", 100);
        assertEquals(2, packets.size());
        assertEquals(Packet.message("hello"), packets.get(0));
        assertTrue(packets.get(1).isBinary());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, packets.get(1).binary());
    }

    @Test
    void decodesMixedTypesInOrder() throws Exception {
        List<Packet> packets = Payload.decode("3\u001e4a\u001e4b\u001e1", 100);
        assertEquals(List.of(Packet.of(PacketType.PONG, ""), Packet.message("a"), Packet.message("b"), Packet.CLOSE),
                packets);
    }

    @Test
    void multibyteUtf8RoundTrips() throws Exception {
        String body = "4€\u001e4\uD83D\uDE00\u001e4日本";
        List<Packet> packets = Payload.decode(body, 10);
        assertEquals(List.of(Packet.message("€"), Packet.message("\uD83D\uDE00"), Packet.message("日本")), packets);
        assertEquals(body, Payload.encode(packets));
        byte[] utf8 = Payload.encode(List.of(Packet.message("€"), Packet.message("é"))).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {'4', (byte) 0xe2, (byte) 0x82, (byte) 0xac, 0x1e, '4', (byte) 0xc3, (byte) 0xa9},
                utf8);
    }

    @Test
    void emptyBodyIsAParseError() {
        assertThrows(PacketParseException.class, () -> Payload.decode("", 10));
    }

    @Test
    void emptyRecordIsAParseError() {
        assertThrows(PacketParseException.class, () -> Payload.decode("4a\u001e", 10));
        assertThrows(PacketParseException.class, () -> Payload.decode("\u001e4a", 10));
        assertThrows(PacketParseException.class, () -> Payload.decode("4a\u001e\u001e4b", 10));
    }

    @Test
    void malformedRecordIsAParseError() {
        assertThrows(PacketParseException.class, () -> Payload.decode("4a\u001eabc", 10));
        assertThrows(PacketParseException.class, () -> Payload.decode("4a\u001e9", 10));
        assertThrows(PacketParseException.class, () -> Payload.decode("b!!!", 10));
    }

    @Test
    void packetCountIsBounded() throws Exception {
        assertEquals(3, Payload.decode("4a\u001e4b\u001e4c", 3).size());
        assertThrows(PacketParseException.class, () -> Payload.decode("4a\u001e4b\u001e4c\u001e4d", 3));
    }
}
