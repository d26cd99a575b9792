package dev.tidewire.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tidewire.internal.parser.MsgPackMessages.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the MessagePack parser, a message the decoder refuses closes that client's connection (its sockets leave with
 * "forced close", as with the default parser); every other client keeps being served.
 */
class MsgPackMalformedTest {
    private final SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withParser(Parser.MSGPACK));
    private final List<String> reasons = new ArrayList<>();
    private MsgPackPeer bad;
    private MsgPackPeer good;

    @BeforeEach
    void connect() {
        bad = new MsgPackPeer(t.connect());
        good = new MsgPackPeer(t.connect());
        t.io.sockets().sockets().get(bad.connectTo("/")).onDisconnect((s, r) -> reasons.add(r.wireName()));
        t.io.sockets().sockets().get(good.connectTo("/")).on("echo", (args, ack) -> ack.send(args.toArray()));
    }

    private void assertOnlyTheBadClientClosed() {
        assertTrue(bad.peer.isClosed(), "the offending client is closed");
        assertEquals(List.of("forced close"), reasons);
        assertFalse(good.peer.isClosed());
        int mark = good.mark();
        good.emit("/", 9L, "echo", "still here");
        assertEquals(Map.of("type", MsgPackPeer.ACK, "data", List.of("still here"), "nsp", "/", "id", 9),
                good.onlyPacketSince(mark));
        assertEquals(1, t.io.sockets().sockets().size());
    }

    static Stream<Arguments> malformedMessages() {
        return Stream.of(
                bytes("an empty message", new byte[0]),
                bytes("a byte MessagePack never uses", hex("c1")),
                bytes("a truncated map", hex("83a474797065")),
                bytes("a string, not a map", MsgPackPeer.pack("2[\"x\"]")),
                bytes("a string longer than the message", hex("81a474797065db7fffffff")),
                bytes("an array count beyond the message", hex("81a464617461dd7fffffff")),
                bytes("bytes after the packet", concat(packet(2, "/", List.of("x"), null), hex("c0"))),
                bytes("no type", MsgPackPeer.pack(Map.of("nsp", "/", "data", List.of("x")))),
                bytes("a BINARY_EVENT type, which this wire has not", packet(5, "/", List.of("x"), null)),
                bytes("a type that is a string", packet("2", "/", List.of("x"), null)),
                bytes("a type out of range", packet(-1, "/", List.of("x"), null)),
                bytes("no namespace", MsgPackPeer.pack(Map.of("type", 2, "data", List.of("x")))),
                bytes("a namespace without '/'", packet(2, "admin", List.of("x"), null)),
                bytes("an EVENT without data", packet(2, "/", null, null)),
                bytes("an EVENT with no arguments", packet(2, "/", List.of(), null)),
                bytes("a reserved event name", packet(2, "/", List.of("disconnect"), null)),
                bytes("an event name that is a map", packet(2, "/", List.of(Map.of()), null)),
                bytes("an ACK whose data is a map", packet(3, "/", Map.of("a", 1), 1L)),
                bytes("a CONNECT whose data is an array", packet(0, "/other", List.of(1), null)),
                bytes("a DISCONNECT with data", packet(1, "/", List.of(), null)),
                bytes("a negative ack id", packet(2, "/", List.of("x"), -1L)),
                bytes("an ack id that is a float", MsgPackPeer.pack(withId(1.5))),
                bytes("an ack id that is nil", MsgPackPeer.pack(withId(null))),
                bytes("an ack id over the limit", packet(2, "/", List.of("x"), (long) Integer.MAX_VALUE + 1)),
                bytes("data nested deeper than the limit (32)", packet(2, "/", List.of("x", nested(32)), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void aMalformedMessage(byte[] message) {
        bad.peer.sendBinary(message);
        assertOnlyTheBadClientClosed();
    }

    @Test
    void dataNestedAsDeepAsTheLimitIsAccepted() {
        List<Object> got = new ArrayList<>();
        t.io.sockets().sockets().values().forEach(s -> s.on("deep", (args, ack) -> got.addAll(args)));
        bad.peer.sendBinary(packet(2, "/", List.of("deep", nested(31)), null)); // 31 inside the argument array
        assertEquals(1, got.size());
        assertFalse(bad.peer.isClosed());
    }

    @Test
    void aTextMessageFromAClientOfTheDefaultParser() {
        bad.peer.send("42[\"echo\",1]");
        assertOnlyTheBadClientClosed();
    }

    private static Arguments bytes(String name, byte[] message) {
        return Arguments.of(Named.of(name, message));
    }

    private static byte[] packet(Object type, String nsp, Object data, Long id) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", type);
        if (data != null) packet.put("data", data);
        packet.put("nsp", nsp);
        if (id != null) packet.put("id", id);
        return MsgPackPeer.pack(packet);
    }

    private static Map<String, Object> withId(Object id) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", 2);
        packet.put("data", List.of("x"));
        packet.put("nsp", "/");
        packet.put("id", id);
        return packet;
    }

    /** Arrays nested {@code levels} deep. */
    private static Object nested(int levels) {
        Object value = "bottom";
        for (int i = 0; i < levels; i++) value = List.of(value);
        return value;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
