package dev.tidewire.internal.parser;

import dev.tidewire.internal.engine.Packet;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.parser.SioPacketType.*;
import static org.junit.jupiter.api.Assertions.*;

class SioEncoderTest {

    private static String text(SioPacket p) {
        List<Packet> packets = SioEncoder.encode(p);
        assertEquals(1, packets.size(), "no attachments expected");
        return packets.get(0).text();
    }

    @Test
    void connectReplyOnMainNamespace() {
        assertEquals("0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}",
                text(new SioPacket(CONNECT, "/", SioPacket.NO_ACK, Map.of("sid", "wZX3oN0bSVIhsaknAAAI"))));
    }

    @Test
    void namespaceIsFollowedByComma() {
        assertEquals("2/admin,[\"x\"]", text(new SioPacket(EVENT, "/admin", -1, List.of("x"))));
    }

    @Test
    void ackIdFollowsTypeDirectly() {
        assertEquals("212[\"foo\"]", text(new SioPacket(EVENT, "/", 12, List.of("foo"))));
    }

    @Test
    void ackIdFollowsNamespace() {
        assertEquals("3/admin,13[\"bar\"]", text(new SioPacket(ACK, "/admin", 13, List.of("bar"))));
    }

    @Test
    void ackIdZeroIsWritten() {
        assertEquals("20[\"a\"]", text(new SioPacket(EVENT, "/", 0, List.of("a"))));
    }

    @Test
    void disconnectHasNoPayload() {
        assertEquals("1/admin,", text(new SioPacket(DISCONNECT, "/admin", -1, null)));
        assertEquals("1", text(new SioPacket(DISCONNECT, "/", -1, null)));
    }

    @Test
    void connectErrorWithObject() {
        assertEquals("4/random,{\"message\":\"Invalid namespace\"}",
                text(new SioPacket(CONNECT_ERROR, "/random", -1, Map.of("message", "Invalid namespace"))));
    }

    @Test
    void connectErrorWithStringForProtocolV4() {
        assertEquals("4\"Not authorized\"", text(new SioPacket(CONNECT_ERROR, "/", -1, "Not authorized")));
    }

    @Test
    void binaryEventBecomesPlaceholderAndAttachment() {
        byte[] bytes = {1, 2, 3, 4};
        List<Packet> packets = SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("baz", bytes)));
        assertEquals(2, packets.size());
        assertEquals("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]", packets.get(0).text());
        assertEquals("451-[\"baz\",{\"_placeholder\":true,\"num\":0}]", packets.get(0).encodedText());
        assertTrue(packets.get(1).isBinary());
        assertArrayEquals(bytes, packets.get(1).binary());
    }

    @Test
    void ackWithBinaryIsRetypedToBinaryAck() {
        List<Packet> packets = SioEncoder.encode(new SioPacket(ACK, "/admin", 7, List.of(new byte[]{9})));
        assertEquals("61-/admin,7[{\"_placeholder\":true,\"num\":0}]", packets.get(0).text());
        assertArrayEquals(new byte[]{9}, packets.get(1).binary());
    }

    @Test
    void nestedBinaryIsNumberedDepthFirst() {
        byte[] b0 = {0}, b1 = {1}, b2 = {2}, b3 = {3};
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("a", b0);
        inner.put("list", List.of(b1, Map.of("x", b2)));
        List<Packet> packets = SioEncoder.encode(
                new SioPacket(EVENT, "/", -1, List.of("e", inner, new Object[]{b3})));
        assertEquals("54-[\"e\",{\"a\":{\"_placeholder\":true,\"num\":0},\"list\":[{\"_placeholder\":true,\"num\":1},"
                + "{\"x\":{\"_placeholder\":true,\"num\":2}}]},[{\"_placeholder\":true,\"num\":3}]]",
                packets.get(0).text());
        assertEquals(5, packets.size());
        for (int i = 0; i < 4; i++) assertArrayEquals(new byte[]{(byte) i}, packets.get(i + 1).binary());
    }

    @Test
    void byteBufferRemainingBytesAreCopiedAndPositionKept() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[]{5, 6, 7, 8});
        buffer.position(1);
        List<Packet> packets = SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("buf", buffer)));
        assertArrayEquals(new byte[]{6, 7, 8}, packets.get(1).binary());
        assertEquals(1, buffer.position());
        buffer.put(1, (byte) 0);
        assertArrayEquals(new byte[]{6, 7, 8}, packets.get(1).binary());
    }

    @Test
    void binaryTypeWithoutBinaryDataHasZeroCount() {
        assertEquals("50-[\"a\"]", text(new SioPacket(BINARY_EVENT, "/", -1, List.of("a"))));
    }

    @Test
    void nullDataWritesNoJson() {
        assertEquals("0/admin,", text(new SioPacket(CONNECT, "/admin", -1, null)));
    }

    @Test
    void binaryInConnectPayloadIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SioEncoder.encode(new SioPacket(CONNECT, "/", -1, Map.of("b", new byte[1]))));
    }

    @Test
    void encodeTextMatchesEncodeAndRefusesBinary() {
        SioPacket plain = new SioPacket(EVENT, "/chat", 3, List.of("msg", Map.of("text", "hi")));
        assertEquals(SioEncoder.encode(plain).get(0).text(), SioEncoder.encodeText(plain, JsonFallback.REJECT));
        SioPacket binary = new SioPacket(EVENT, "/", -1, List.of("b", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> SioEncoder.encodeText(binary, JsonFallback.REJECT));
    }

    @Test
    void encodedListIsImmutableAndReusableForBroadcast() {
        List<Packet> packets = SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("news", new byte[]{1})));
        assertThrows(UnsupportedOperationException.class, () -> packets.add(Packet.message("x")));
        assertThrows(UnsupportedOperationException.class,
                () -> SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("n"))).add(Packet.message("x")));
        assertEquals(packets.get(0).encodedText(), packets.get(0).encodedText());
    }

    @Test
    void namespaceMustStartWithSlashAndHaveNoComma() {
        assertThrows(IllegalArgumentException.class,
                () -> SioEncoder.encode(new SioPacket(EVENT, "admin", -1, List.of("x"))));
        assertThrows(IllegalArgumentException.class,
                () -> SioEncoder.encode(new SioPacket(EVENT, "/a,b", -1, List.of("x"))));
    }

    @Test
    void negativeAckIdOtherThanNoAckIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SioEncoder.encode(new SioPacket(EVENT, "/", -2, List.of("x"))));
    }

    @Test
    void unknownTypesGoThroughTheFallback() {
        record Point(int x, int y) {
        }
        JsonFallback fallback = v -> v instanceof Point p ? "{\"x\":" + p.x() + ",\"y\":" + p.y() + "}" : null;
        assertEquals("2[\"move\",{\"x\":1,\"y\":2}]",
                SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("move", new Point(1, 2))), fallback)
                        .get(0).text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SioEncoder.encode(new SioPacket(EVENT, "/", -1, List.of("move", new Point(1, 2)))));
        assertTrue(e.getMessage().contains("Point"), e.getMessage());
    }
}
