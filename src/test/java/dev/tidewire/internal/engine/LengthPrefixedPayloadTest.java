package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v3 text payload, with golden strings of the reference's parser (engine.io-parser 2.x {@code encodePayload} /
 * {@code decodePayload}, as engine.io's {@code parser-v3} carries it).
 */
class LengthPrefixedPayloadTest {
    private static final int MAX = 100;

    @Test
    void prefixesEachPacketWithItsLength() {
        assertEquals("6:4hello2:4€", LengthPrefixedPayload.encode(
                List.of(Packet.message("hello"), Packet.message("€"))));
    }

    /** JavaScript's string length: a character outside the BMP is two UTF-16 code units. */
    @Test
    void countsUtf16CodeUnitsNotCodePointsOrBytes() {
        assertEquals("3:4😀", LengthPrefixedPayload.encode(List.of(Packet.message("😀"))));
        // 4, a, 😀 (two units), é, € : six units, five code points, eleven UTF-8 bytes
        assertEquals("6:4a😀é€", LengthPrefixedPayload.encode(List.of(Packet.message("a😀é€"))));
    }

    @Test
    void writesBinaryAsBase64WithItsTypeDigit() {
        assertEquals("10:b4AQIDBA==", LengthPrefixedPayload.encode(
                List.of(Packet.binaryMessage(new byte[] {1, 2, 3, 4}))));
        assertEquals("2:4a10:b4AQIDBA==1:2", LengthPrefixedPayload.encode(List.of(
                Packet.message("a"), Packet.binaryMessage(new byte[] {1, 2, 3, 4}), Packet.PING)));
    }

    @Test
    void noPacketsIsZeroColon() {
        assertEquals("0:", LengthPrefixedPayload.encode(List.of()));
    }

    @Test
    void lengthsOfSeveralDigits() {
        String data = "x".repeat(123);
        assertEquals("124:4" + data, LengthPrefixedPayload.encode(List.of(Packet.message(data))));
    }

    @Test
    void decodesWhatItEncodes() {
        List<Packet> packets = List.of(Packet.message("hello"), Packet.message("a😀"), Packet.PING,
                Packet.binaryMessage(new byte[] {1, 2, 3, 4}), Packet.of(PacketType.MESSAGE, ""), Packet.CLOSE);
        Payload.Decoded d = LengthPrefixedPayload.decode(LengthPrefixedPayload.encode(packets), MAX);
        assertNull(d.error());
        assertEquals(packets, d.packets());
    }

    @Test
    void decodesGoldenPayloads() {
        Payload.Decoded d = LengthPrefixedPayload.decode("6:4hello2:4€3:4😀1:2", MAX);
        assertNull(d.error());
        assertEquals(List.of(Packet.message("hello"), Packet.message("€"), Packet.message("😀"), Packet.PING),
                d.packets());
    }

    @Test
    void decodesBase64BinaryWithItsType() {
        Payload.Decoded d = LengthPrefixedPayload.decode("10:b4AQIDBA==", MAX);
        assertNull(d.error());
        assertEquals(1, d.packets().size());
        assertTrue(d.packets().get(0).isBinary());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, d.packets().get(0).binary());
    }

    /** As the reference: an empty record holds no packet, so {@code 0:} is a valid empty payload. */
    @Test
    void zeroLengthRecordsAreSkipped() {
        Payload.Decoded d = LengthPrefixedPayload.decode("0:2:4a0:", MAX);
        assertNull(d.error());
        assertEquals(List.of(Packet.message("a")), d.packets());
        assertEquals(List.of(), LengthPrefixedPayload.decode("0:", MAX).packets());
        assertNull(LengthPrefixedPayload.decode("0:", MAX).error());
    }

    @Test
    void leadingZerosInALengthAreAccepted() {
        Payload.Decoded d = LengthPrefixedPayload.decode("06:4hello", MAX);
        assertNull(d.error());
        assertEquals(List.of(Packet.message("hello")), d.packets());
    }

    /** Packets before the malformed record are kept (and delivered), as the reference's callback does. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"|empty payload|0",
            "2:4a6|packet length without ':'|1",
            "2:4a:4b|empty packet length|1",
            "2:4ax:4b|invalid packet length|1",
            "2:4a-1:4|invalid packet length|1",
            "2:4a1e1:4bbbbbbbbbb|invalid packet length|1",
            "2:4a 2:4b|invalid packet length|1",
            "2:4a9:4short|packet shorter than its length|1",
            "2:4a99999999999:4|packet length too long|1",
            "2:4a1:9|unknown packet type '9'|1",
            "2:4a1:b|binary packet without a type|1",
            "2:4a5:b2AQI|binary packet of type '2': only messages|1",
            "2:4a4:b4$$|invalid base64 in binary packet|1",
    })
    void malformedPayloadsStopAtTheFirstBadRecord(String body, String error, int before) {
        Payload.Decoded d = LengthPrefixedPayload.decode(body, MAX);
        assertEquals(error, d.error());
        assertEquals(before, d.packets().size());
    }

    @Test
    void aLengthLongerThanTheBodyIsATruncatedPacket() {
        Payload.Decoded d = LengthPrefixedPayload.decode("7:4hello", MAX);
        assertEquals("packet shorter than its length", d.error());
        assertEquals(List.of(), d.packets());
    }

    /** The largest length of ten digits does not overflow into a small one. */
    @Test
    void aHugeLengthIsTruncationNotOverflow() {
        Payload.Decoded d = LengthPrefixedPayload.decode("9999999999:4a", MAX);
        assertEquals("packet shorter than its length", d.error());
        Payload.Decoded wrapped = LengthPrefixedPayload.decode("4294967298:4a", MAX); // 2^32 + 2
        assertEquals("packet shorter than its length", wrapped.error());
    }

    @Test
    void packetCountIsBounded() {
        Payload.Decoded d = LengthPrefixedPayload.decode("1:2".repeat(5), 3);
        assertEquals("too many packets in payload", d.error());
        assertEquals(3, d.packets().size());
        assertNull(LengthPrefixedPayload.decode("1:2".repeat(3), 3).error());
    }

    /** The Java client wraps base64 in lines; the reference's base64 decoder skips whitespace. */
    @Test
    void base64WithLineBreaksIsAccepted() {
        Payload.Decoded d = LengthPrefixedPayload.decode("11:b4AQID\nBA==", MAX);
        assertNull(d.error());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, d.packets().get(0).binary());
    }
}
