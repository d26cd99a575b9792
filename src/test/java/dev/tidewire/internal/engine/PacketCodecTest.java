package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacketCodecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0{\"sid\":\"x\"}|OPEN|{\"sid\":\"x\"}",
            "1|CLOSE|''",
            "2|PING|''",
            "2probe|PING|probe",
            "3|PONG|''",
            "3probe|PONG|probe",
            "4hello|MESSAGE|hello",
            "4|MESSAGE|''",
            "5|UPGRADE|''",
            "6|NOOP|''",
    })
    void decodesEveryPacketType(String wire, PacketType type, String data) throws Exception {
        Packet p = PacketCodec.decodeText(wire);
        assertEquals(type, p.type());
        assertEquals(data, p.text());
        assertFalse(p.isBinary());
        assertEquals(wire, p.encodedText(), "re-encodes to the same wire form");
    }

    @Test
    void encodesTextPacketsAsTypeDigitPlusData() {
        assertEquals("4hello", Packet.message("hello").encodedText());
        assertEquals("2", Packet.PING.encodedText());
        assertEquals("3probe", Packet.PONG_PROBE.encodedText());
        assertEquals("1", Packet.CLOSE.encodedText());
        assertEquals("6", Packet.NOOP.encodedText());
        assertEquals("0{}", Packet.of(PacketType.OPEN, "{}").encodedText());
    }

    @Test
    void binaryIsBPlusBase64WithoutTypeDigit() throws Exception {
        Packet p = Packet.binaryMessage(new byte[] {1, 2, 3, 4});
        assertEquals("bAQIDBA==", p.encodedText());

        Packet d = PacketCodec.decodeText("bAQIDBA==");
        assertEquals(PacketType.MESSAGE, d.type());
        assertTrue(d.isBinary());
        assertNull(d.text());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, d.binary());
    }

    @Test
    void emptyBinaryMessage() throws Exception {
        Packet d = PacketCodec.decodeText("b");
        assertTrue(d.isBinary());
        assertArrayEquals(new byte[0], d.binary());
        assertEquals("b", Packet.binaryMessage(new byte[0]).encodedText());
    }

    @Test
    void binaryWebSocketFrameIsAlwaysAMessageWithTheRawBytes() {
        byte[] raw = {4, 0, (byte) 0xff};
        Packet p = PacketCodec.decodeBinary(raw);
        assertEquals(PacketType.MESSAGE, p.type());
        assertTrue(p.isBinary());
        assertArrayEquals(raw, p.binary());
    }

    @Test
    void multibyteUtf8TextSurvivesUnchanged() throws Exception {
        String data = "€ 日本 \uD83D\uDE00"; // 3-byte, 3-byte and 4-byte (surrogate pair) characters
        Packet p = PacketCodec.decodeText("4" + data);
        assertEquals(data, p.text());
        assertEquals("4" + data, Packet.message(data).encodedText());
        assertArrayEquals(new byte[] {'4', (byte) 0xe2, (byte) 0x82, (byte) 0xac},
                Packet.message("€").encodedText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyInputIsAParseError() {
        assertThrows(PacketParseException.class, () -> PacketCodec.decodeText(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "9", "7", "7hello", "/", ":", "x", " 4hello", "\u00004", "€"})
    void unknownTypeIsAParseError(String wire) {
        assertThrows(PacketParseException.class, () -> PacketCodec.decodeText(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b!!!!", "bAQID*A==", "bA", "b====", "bAQIDBA==="})
    void badBase64IsAParseError(String wire) {
        assertThrows(PacketParseException.class, () -> PacketCodec.decodeText(wire));
    }
}
