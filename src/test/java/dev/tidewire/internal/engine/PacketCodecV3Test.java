package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Single v3 packets: binary carries its type, as text ({@code b4<base64>}) and as a frame (type byte first). */
class PacketCodecV3Test {

    @Test
    void textPacketsReadAsInV4() throws Exception {
        assertEquals(Packet.message("hello"), PacketCodecV3.decodeText("4hello"));
        assertEquals(Packet.of(PacketType.PING, "probe"), PacketCodecV3.decodeText("2probe"));
        assertThrows(PacketParseException.class, () -> PacketCodecV3.decodeText(""));
    }

    @Test
    void base64BinaryNamesItsType() throws Exception {
        Packet p = PacketCodecV3.decodeText("b4AQIDBA==");
        assertTrue(p.isBinary());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, p.binary());
        assertEquals("b4AQIDBA==", PacketCodecV3.base64Text(Packet.binaryMessage(new byte[] {1, 2, 3, 4})));
        assertEquals("b4", PacketCodecV3.base64Text(Packet.binaryMessage(new byte[0])));
    }

    /** The v4 form {@code bAQID} reads as type 'A' in v3: not a message. */
    @Test
    void theV4BinaryFormIsNotAV3Packet() {
        PacketParseException e = assertThrows(PacketParseException.class, () -> PacketCodecV3.decodeText("bAQID"));
        assertEquals("binary packet of type 'A': only messages", e.getMessage());
    }

    @Test
    void binaryFramesStartWithTheTypeByte() throws Exception {
        assertArrayEquals(new byte[] {4, 1, 2, 3}, PacketCodecV3.binaryFrame(Packet.binaryMessage(new byte[] {1, 2, 3})));
        Packet p = PacketCodecV3.decodeBinary(new byte[] {4, 1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, p.binary());
        assertArrayEquals(new byte[0], PacketCodecV3.decodeBinary(new byte[] {4}).binary());
    }

    @Test
    void aBinaryFrameOfAnotherTypeOrEmptyIsMalformed() {
        assertThrows(PacketParseException.class, () -> PacketCodecV3.decodeBinary(new byte[0]));
        assertThrows(PacketParseException.class, () -> PacketCodecV3.decodeBinary(new byte[] {1, 2, 3}));
        assertThrows(PacketParseException.class, () -> PacketCodecV3.decodeBinary(new byte[] {(byte) 0xff}));
    }

    @Test
    void theTextFormOfAnyPacket() {
        assertEquals("4hi", PacketCodecV3.text(Packet.message("hi")));
        assertEquals("b4AQ==", PacketCodecV3.text(Packet.binaryMessage(new byte[] {1})));
    }

    /** A broadcast's binary message is framed once for all its v3 recipients, as it is encoded once for v4 ones. */
    @Test
    void aBinaryMessageIsFramedOnceForEveryV3Recipient() {
        Packet broadcast = Packet.binaryMessage(new byte[]{1, 2, 3});
        FakeWebSocketConnection first = new FakeWebSocketConnection();
        FakeWebSocketConnection second = new FakeWebSocketConnection();
        WebSocketFramesV3.BINARY.send(first, broadcast, ok -> { });
        WebSocketFramesV3.BASE64.send(second, broadcast, ok -> { });
        assertArrayEquals(new byte[]{4, 1, 2, 3}, (byte[]) first.frames.get(0));
        assertEquals("b4AQID", second.frames.get(0));
        assertSame(broadcast.v3BinaryFrame(), broadcast.v3BinaryFrame());
        assertSame(broadcast.v3Base64Text(), broadcast.v3Base64Text());
    }
}
