package dev.tidewire.internal.redis;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.cluster.ClusterMessage;
import dev.tidewire.server.cluster.MessageType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis Streams adapter's wire forms, as the reference's {@code @socket.io/redis-streams-adapter} 0.3.1 writes
 * them: which messages skip the stream, entry fields with JSON or base64 MessagePack data, and the checks on what
 * another party wrote.
 */
class StreamsWireTest {
    private static ClusterMessage broadcast(Object... args) {
        return new ClusterMessage("uid1", "/", MessageType.BROADCAST, Map.of(
                "packet", ClusterMessage.eventPacket(List.of(args), "/"), "opts", BroadcastOptions.ALL.toWire()));
    }

    @Test
    void requestsAndBroadcastsWithAcksSkipTheStream() {
        assertFalse(StreamsWire.isEphemeral(broadcast("e")));
        assertTrue(StreamsWire.isEphemeral(new ClusterMessage("u", "/", MessageType.BROADCAST,
                Map.of("requestId", "r", "packet", Map.of(), "opts", Map.of()))));
        assertTrue(StreamsWire.isEphemeral(new ClusterMessage("u", "/", MessageType.FETCH_SOCKETS, Map.of())));
        assertTrue(StreamsWire.isEphemeral(new ClusterMessage("u", "/", MessageType.SERVER_SIDE_EMIT, Map.of())));
        assertFalse(StreamsWire.isEphemeral(new ClusterMessage("u", "/", MessageType.SOCKETS_JOIN, Map.of())));
        assertFalse(StreamsWire.isEphemeral(new ClusterMessage("u", "/", MessageType.DISCONNECT_SOCKETS, Map.of())));
    }

    @Test
    void anEntryCarriesJsonDataUnlessItHoldsBinary() {
        Map<String, byte[]> text = StreamsWire.toEntry(broadcast("e", 1));
        assertEquals(Set.of("uid", "nsp", "type", "data"), text.keySet());
        assertEquals("3", new String(text.get("type"), StandardCharsets.UTF_8));
        String json = new String(text.get("data"), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{") && json.contains("\"packet\":{\"type\":2,\"data\":[\"e\",1],\"nsp\":\"/\"}"), json);

        Map<String, byte[]> binary = StreamsWire.toEntry(broadcast("f", new byte[]{1, 2}));
        byte[] msgpack = Base64.getDecoder().decode(binary.get("data"));
        assertEquals(2, ((List<?>) ((Map<?, ?>) ((Map<?, ?>) MsgPackCodec.decode(msgpack)).get("packet")).get("data")).size());
        ClusterMessage back = StreamsWire.fromEntry(binary);
        List<?> data = (List<?>) ((Map<?, ?>) back.get("packet")).get("data");
        assertArrayEquals(new byte[]{1, 2}, (byte[]) data.get(1));
        assertEquals(MessageType.BROADCAST, back.type());
        assertEquals("uid1", back.uid());
    }

    @Test
    void aPubSubMessageIsTheMessagePackOfTheWholeMessage() {
        ClusterMessage message = new ClusterMessage("u", "/chat", MessageType.FETCH_SOCKETS,
                Map.of("requestId", "r", "opts", BroadcastOptions.ALL.toWire()));
        Map<?, ?> wire = (Map<?, ?>) MsgPackCodec.decode(StreamsWire.toPubSub(message));
        assertEquals(Set.of("uid", "nsp", "type", "data"), wire.keySet());
        assertEquals(7L, wire.get("type"));
        assertEquals(message, StreamsWire.fromPubSub(StreamsWire.toPubSub(message)));
    }

    @Test
    void whatIsNotInTheReferencesFormatIsRefused() {
        assertNull(StreamsWire.fromEntry(Map.of("uid", bytes("u"))), "no namespace: skipped, as by the reference");
        for (Map<String, byte[]> entry : List.of(
                Map.of("uid", bytes("u"), "nsp", bytes("/"), "type", bytes("99")),
                Map.of("uid", bytes("u"), "nsp", bytes("/"), "type", bytes("x")),
                Map.of("nsp", bytes("/"), "type", bytes("3")),
                Map.of("uid", bytes("u"), "nsp", bytes("/"), "type", bytes("3"), "data", bytes("{nope")),
                Map.of("uid", bytes("u"), "nsp", bytes("/"), "type", bytes("3"), "data", bytes("%%%")),
                Map.of("uid", bytes("u"), "nsp", bytes("/"), "type", bytes("3"), "data", bytes("WzFd")))) { // [1]
            assertThrows(MalformedMessageException.class, () -> StreamsWire.fromEntry(entry), entry.toString());
        }
        assertThrows(MalformedMessageException.class, () -> StreamsWire.fromPubSub(new byte[]{(byte) 0xc1}));
        assertThrows(MalformedMessageException.class,
                () -> StreamsWire.fromPubSub(MsgPackCodec.encode(Map.of("uid", "u", "nsp", "/", "type", 42))));
    }

    @Test
    void theRangeAfterAnOffsetStartsAtTheNextId() {
        assertEquals("1700000000000-1", RedisSessionStore.after("1700000000000-0"));
        assertTrue(RedisSessionStore.reaches(BroadcastOptions.ALL, Set.of("sid")));
        assertTrue(RedisSessionStore.reaches(BroadcastOptions.toRooms(Set.of("news")), Set.of("sid", "news")));
        assertFalse(RedisSessionStore.reaches(BroadcastOptions.toRooms(Set.of("news")), Set.of("sid")));
        assertFalse(RedisSessionStore.reaches(new BroadcastOptions(Set.of(), Set.of("sid"), false, false, 0),
                Set.of("sid", "news")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
