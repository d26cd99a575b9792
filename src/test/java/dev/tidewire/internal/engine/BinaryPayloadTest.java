package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The v3 binary (XHR2) payload, with golden bytes of the reference's parser ({@code encodePayloadAsBinary} /
 * {@code decodePayloadAsBinary} of engine.io-parser 2.x).
 */
class BinaryPayloadTest {
    private static final int MAX = 100;

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    /** Text: 0, the UTF-8 byte count as digits, 0xff, the UTF-8. Binary: 1, the count with the type byte, 0xff, 4, data. */
    @Test
    void encodesTextAsUtf8AndBinaryWithItsTypeByte() {
        byte[] payload = BinaryPayload.encode(List.of(Packet.message("€"), Packet.binaryMessage(bytes(1, 2, 3))));
        assertArrayEquals(bytes(0x00, 4, 0xff, '4', 0xe2, 0x82, 0xac, 0x01, 4, 0xff, 4, 1, 2, 3), payload);
    }

    @Test
    void lengthDigitsAreOneBytePerDigit() {
        byte[] payload = BinaryPayload.encode(List.of(Packet.message("hello world")));
        assertArrayEquals(bytes(0, 1, 2, 0xff, '4', 'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'), payload);
        byte[] large = BinaryPayload.encode(List.of(Packet.binaryMessage(new byte[1233])));
        assertArrayEquals(bytes(1, 1, 2, 3, 4, 0xff, 4), java.util.Arrays.copyOf(large, 7));
        assertEquals(7 + 1233, large.length);
    }

    /** Byte counts, unlike the text payload: 😀 is two UTF-16 units but four UTF-8 bytes. */
    @Test
    void textLengthsCountUtf8Bytes() {
        assertArrayEquals(bytes(0, 5, 0xff, '4', 0xf0, 0x9f, 0x98, 0x80),
                BinaryPayload.encode(List.of(Packet.message("😀"))));
    }

    @Test
    void decodesWhatItEncodes() {
        List<Packet> packets = List.of(Packet.message("hello"), Packet.message("a😀€"), Packet.PING,
                Packet.binaryMessage(bytes(1, 2, 3, 4)), Packet.binaryMessage(new byte[0]), Packet.CLOSE);
        Payload.Decoded d = BinaryPayload.decode(BinaryPayload.encode(packets), MAX);
        assertNull(d.error());
        assertEquals(packets, d.packets());
    }

    @Test
    void decodesAGoldenPayload() {
        Payload.Decoded d = BinaryPayload.decode(
                bytes(0x00, 4, 0xff, '4', 0xe2, 0x82, 0xac, 0x01, 4, 0xff, 4, 1, 2, 3, 0, 1, 0xff, '2'), MAX);
        assertNull(d.error());
        assertEquals(3, d.packets().size());
        assertEquals(Packet.message("€"), d.packets().get(0));
        assertTrue(d.packets().get(1).isBinary());
        assertArrayEquals(bytes(1, 2, 3), d.packets().get(1).binary());
        assertEquals(Packet.PING, d.packets().get(2));
    }

    /** A text record of the binary payload may itself be base64 binary, as the reference decodes any string packet. */
    @Test
    void aTextRecordMayCarryBase64() {
        Payload.Decoded d = BinaryPayload.decode(bytes(0, 6, 0xff, 'b', '4', 'A', 'Q', '=', '='), MAX);
        assertNull(d.error());
        assertArrayEquals(bytes(1), d.packets().get(0).binary());
    }

    @Test
    void anEmptyBodyHoldsNoPackets() {
        Payload.Decoded d = BinaryPayload.decode(new byte[0], MAX);
        assertNull(d.error());
        assertEquals(List.of(), d.packets());
    }

    private static void assertMalformed(String error, int before, byte[] body) {
        Payload.Decoded d = BinaryPayload.decode(body, MAX);
        assertEquals(error, d.error());
        assertEquals(before, d.packets().size());
    }

    @Test
    void malformedPayloadsStopAtTheFirstBadRecord() {
        byte[] ok = {0, 2, (byte) 0xff, '4', 'a'};
        assertMalformed("invalid packet kind 2", 1, concat(ok, bytes(2, 1, 0xff, '2')));
        assertMalformed("packet length without its end", 1, concat(ok, bytes(0, 1, 2)));
        assertMalformed("packet length without its end", 1, concat(ok, bytes(0)));
        assertMalformed("empty packet length", 1, concat(ok, bytes(0, 0xff, '2')));
        assertMalformed("invalid packet length digit 10", 1, concat(ok, bytes(0, 10, 0xff, '2')));
        assertMalformed("packet shorter than its length", 1, concat(ok, bytes(0, 5, 0xff, '4', 'a')));
        assertMalformed("packet length too long", 1, concat(ok, bytes(1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0xff)));
        assertMalformed("empty packet", 1, concat(ok, bytes(0, 0, 0xff)));
        assertMalformed("binary packet without a type", 1, concat(ok, bytes(1, 0, 0xff)));
        assertMalformed("binary packet of type byte 2: only messages", 1, concat(ok, bytes(1, 2, 0xff, 2, 9)));
        assertMalformed("invalid UTF-8 in text packet", 1, concat(ok, bytes(0, 2, 0xff, '4', 0xc3)));
        assertMalformed("unknown packet type '9'", 1, concat(ok, bytes(0, 1, 0xff, '9')));
    }

    @Test
    void aHugeLengthIsTruncationNotOverflow() {
        assertMalformed("packet shorter than its length", 0, bytes(1, 4, 2, 9, 4, 9, 6, 7, 2, 9, 8, 0xff, 4, 1));
    }

    @Test
    void packetCountIsBounded() {
        byte[] ping = {0, 1, (byte) 0xff, '2'};
        Payload.Decoded d = BinaryPayload.decode(concat(ping, ping, ping, ping), 3);
        assertEquals("too many packets in payload", d.error());
        assertEquals(3, d.packets().size());
        assertNull(BinaryPayload.decode(concat(ping, ping, ping), 3).error());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
