package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.parser.MsgPackMessages.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference's bytes. Each hex string below is what socket.io-msgpack-parser 3.0.2's encoder (over its notepack.io
 * 2.2.0) wrote for the same packet: printed by {@code src/test/node/msgpack/golden-packets.mjs}, run once
 * ({@code node msgpack/golden-packets.mjs} in src/test/node), and copied here. Tidewire's encoder must write the
 * server's packets byte for byte, and its decoder read what socket.io-client sends.
 */
class MsgPackGoldenTest {
    private static final MsgPackDecoder DECODER = new MsgPackDecoder(ParserLimits.DEFAULTS);

    private static SioPacket packet(SioPacketType type, String nsp, long id, Object data) {
        return new SioPacket(type, nsp, id, data);
    }

    private static void assertEncodesAs(String referenceHex, SioPacket packet) {
        assertEquals(referenceHex, hex(MsgPackEncoder.encode(packet, JsonFallback.REJECT)), packet::toString);
    }

    @SafeVarargs
    private static <K, V> Map<K, V> ordered(Map.Entry<K, V>... entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : entries) map.put(e.getKey(), e.getValue());
        return map;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    // ---------------------------------------------------------------- what the server sends

    @Test
    void namespacePackets() {
        assertEncodesAs("83a47479706500a46461746181a3736964b4775a58336f4e30625356496873616b6e41414149a36e7370a12f", packet(SioPacketType.CONNECT, "/", SioPacket.NO_ACK,
                Map.of("sid", "wZX3oN0bSVIhsaknAAAI")));
        assertEncodesAs("83a47479706500a46461746182a3736964b46f534f304f70616b4d565f336a6e696c41414141a3706964a3702d31a36e"
                + "7370a62f61646d696e", packet(SioPacketType.CONNECT, "/admin", SioPacket.NO_ACK,
                ordered(Map.entry("sid", "oSO0OpakMV_3jnilAAAA"), Map.entry("pid", "p-1"))));
        assertEncodesAs("83a47479706504a46461746181a76d657373616765b1496e76616c6964206e616d657370616365a36e7370a72f72616e"
                + "646f6d", packet(SioPacketType.CONNECT_ERROR, "/random", SioPacket.NO_ACK,
                Map.of("message", "Invalid namespace")));
        assertEncodesAs("83a47479706504a46461746182a76d657373616765ae6e6f7420617574686f72697a6564a46461746182a4636f6465cd"
                + "0191a468696e74af73656e6420617574682e746f6b656ea36e7370a82f70726976617465", packet(SioPacketType.CONNECT_ERROR, "/private",
                SioPacket.NO_ACK, ordered(Map.entry("message", "not authorized"),
                        Map.entry("data", ordered(Map.entry("code", 401), Map.entry("hint", "send auth.token"))))));
        assertEncodesAs("82a47479706501a36e7370a52f63686174", packet(SioPacketType.DISCONNECT, "/chat", SioPacket.NO_ACK, null));
    }

    @Test
    void eventsAndAcks() {
        assertEncodesAs("83a47479706502a46461746192a46e657773a568656c6c6fa36e7370a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("news", "hello")));
        assertEncodesAs("84a47479706502a46461746192a87175657374696f6e01a36e7370a62f61646d696ea2696407", packet(SioPacketType.EVENT, "/admin", 7, list("question", 1)));
        assertEncodesAs("84a47479706503a46461746194a6616e73776572c0c3c2a36e7370a12fa269640d", packet(SioPacketType.ACK, "/", 13, list("answer", null, true, false)));
        assertEncodesAs("84a47479706503a46461746190a36e7370a12fa26964ce7fffffff", packet(SioPacketType.ACK, "/", Integer.MAX_VALUE, list()));
    }

    @Test
    void binaryInPlace() {
        assertEncodesAs("83a47479706502a46461746193a362696ec40301020382a466696c65c40200ffa5656d707479c400a36e7370a12f", packet(SioPacketType.BINARY_EVENT, "/", SioPacket.NO_ACK, list("bin",
                new byte[]{1, 2, 3}, ordered(Map.entry("file", new byte[]{0, (byte) 255}), Map.entry("empty", new byte[0])))));
    }

    @Test
    void integersInTheirSmallestFormat() {
        assertEncodesAs("83a47479706502a464617461dc0018a3696e7400017fcc80ccffcd0100cdffffce00010000ceffffffffcf0000000100"
                + "000000cf001fffffffffffffcf1000000000000000ffe0d0dfd080d1ff7fd18000d2ffff7fffd280000000d3ffffffff"
                + "7fffffffd3ffe0000000000001d3f000000000000000a36e7370a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("int", 0L, 1, 127L,
                128, 255L, 256L, 65535L, 65536L, 4294967295L, 4294967296L, (1L << 53) - 1, 1L << 60, -1L, -32, -33L,
                -128L, -129L, -32768L, -32769L, (long) Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, -(1L << 53) + 1,
                -(1L << 60))));
    }

    @Test
    void floats() {
        assertEncodesAs("83a47479706502a4646174619aa5666c6f6174cb3ff8000000000000cbc071126666666666cb3fb999999999999acb3f"
                + "d3333333333334cb3e8421f5f40d8376cb0000000000000001cb7ff0000000000000cbfff000000000000000a36e7370"
                + "a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("float", 1.5, -273.15,
                0.1, 0.1 + 0.2, 1.5e-7, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)));
    }

    @Test
    void stringsInTheirSmallestFormat() {
        assertEncodesAs("83a47479706502a46461746197a0bb68c3a96c6c6f2077c3b6726c6420e2809420e697a5e69cace8aa9ea8f09f8c8df0"
                + "9f9a80bf61616161616161616161616161616161616161616161616161616161616161d9206161616161616161616161"
                + "616161616161616161616161616161616161616161d9ff62626262626262626262626262626262626262626262626262"
                + "626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262"
                + "626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262"
                + "626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262"
                + "626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262626262"
                + "6262626262626262626262626262626262626262626262626262626262626262626262626262da010063636363636363"
                + "636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
                + "636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
                + "636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
                + "636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
                + "636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363"
                + "636363636363636363a36e7370a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("",
                "héllo wörld — 日本語", "🌍🚀", "a".repeat(31), "a".repeat(32), "b".repeat(255), "c".repeat(256))));
    }

    @Test
    void containersInTheirSmallestFormat() {
        List<Object> fifteen = new ArrayList<>();
        for (long i = 0; i < 15; i++) fifteen.add(i);
        List<Object> sixteen = new ArrayList<>(fifteen);
        sixteen.add(15L);
        Map<String, Object> sixteenKeys = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) sixteenKeys.put("k" + i, i);
        Map<String, Object> nested = Map.of("a", Map.of("b", list(singleNull("c"))));
        assertEncodesAs("83a47479706502a46461746197a16390809f000102030405060708090a0b0c0d0edc0010000102030405060708090a0b"
                + "0c0d0e0fde0010a26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909a3"
                + "6b31300aa36b31310ba36b31320ca36b31330da36b31340ea36b31350f81a16181a1629181a163c0a36e7370a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("c", list(),
                Map.of(), fifteen, sixteen, sixteenKeys, nested)));
    }

    private static Map<String, Object> singleNull(String key) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, null);
        return map;
    }

    @Test
    void instantsAsTheDatesOfNotepack() {
        assertEncodesAs("83a47479706502a46461746196a164d7000000000000000000d7000000018bcfe56800d7000000018bcfe5687bd700ff"
                + "ffffffffffffffd70000000fa000000000a36e7370a12f", packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK, list("d", new Date(0),
                Instant.ofEpochMilli(1_700_000_000_000L), new Date(1_700_000_000_123L), Instant.ofEpochMilli(-1),
                new Date((1L << 34) * 1000))));
    }

    // ---------------------------------------------------------------- what socket.io-client sends

    @Test
    void clientPackets() throws Exception {
        assertEquals(packet(SioPacketType.CONNECT, "/", SioPacket.NO_ACK, null), decode("83a47479706500a464617461d40000a36e7370a12f"));
        // a field notepack writes as undefined is absent: the CONNECT has no auth; a recovering one, no offset yet
        assertEquals(packet(SioPacketType.CONNECT, "/", SioPacket.NO_ACK, ordered(Map.entry("pid", "p-1"),
                Map.entry("token", "t"))), decode("83a47479706500a46461746183a3706964a3702d31a66f6666736574d40000a5746f6b656ea174a36e7370a12f"));
        assertEquals(packet(SioPacketType.CONNECT, "/admin", SioPacket.NO_ACK, Map.of("token", "123")),
                decode("83a47479706500a46461746181a5746f6b656ea3313233a36e7370a62f61646d696e"));
        assertEquals(packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK,
                        list("hello", 1L, 2.5, "x", null, true, Map.of("a", List.of(1L)))),
                decode("84a47479706502a46461746197a568656c6c6f01cb4004000000000000a178c0c381a1619101a76f7074696f6e7381a8"
                        + "636f6d7072657373c3a36e7370a12f"));
        assertEquals(packet(SioPacketType.EVENT, "/", 0, List.of("hello")), decode("85a47479706502a46461746191a568656c6c6fa76f7074696f6e7381a8636f6d7072657373c3a2696400a36e7370a12f"));
        assertEquals(packet(SioPacketType.DISCONNECT, "/admin", SioPacket.NO_ACK, null), decode("82a47479706501a36e7370a62f61646d696e"));
        assertEquals(packet(SioPacketType.EVENT, "/", SioPacket.NO_ACK,
                        list("u", null, Map.of("kept", 1L), "2023-11-14T22:13:20.123Z")),
                decode("84a47479706502a46461746194a175d4000082a4676f6e65d40000a46b65707401d7000000018bcfe5687ba76f707469"
                        + "6f6e7381a8636f6d7072657373c3a36e7370a12f"));
    }

    @Test
    void clientPacketsWithBinary() throws Exception {
        SioPacket event = decode("84a47479706502a46461746194a27570c4040102030481a66e657374656491c40109c702000708a76f7074696f6e7381"
                + "a8636f6d7072657373c3a36e7370a62f66696c6573");
        assertEquals(SioPacketType.EVENT, event.type());
        assertEquals("/files", event.namespace());
        List<?> args = (List<?>) event.data();
        assertEquals("up", args.get(0));
        assertArrayEquals(new byte[]{1, 2, 3, 4}, (byte[]) args.get(1));
        assertArrayEquals(new byte[]{9}, (byte[]) ((List<?>) ((Map<?, ?>) args.get(2)).get("nested")).get(0));
        assertArrayEquals(new byte[]{7, 8}, (byte[]) args.get(3), "a typed array, which notepack writes as an extension");

        SioPacket ack = decode("84a47479706503a2696407a46461746192a161c4020506a36e7370a12f");
        assertEquals(SioPacketType.ACK, ack.type());
        assertEquals(7, ack.ackId());
        assertEquals("a", ((List<?>) ack.data()).get(0));
        assertArrayEquals(new byte[]{5, 6}, (byte[]) ((List<?>) ack.data()).get(1));
    }

    private static SioPacket decode(String referenceHex) throws SioParseException {
        return DECODER.decodeBinary(hex(referenceHex));
    }
}
