package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incoming events reach handlers with their arguments; outgoing emits (text and binary) reach the wire. */
class EventDispatchTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c;
    private Socket socket;

    @BeforeEach
    void connect() {
        c = t.connect();
        String sid = c.connectTo("/");
        socket = t.io.sockets().sockets().get(sid);
    }

    @Test
    void eventArgumentsReachTheHandlerWithoutAck() {
        List<Object> got = new ArrayList<>();
        socket.on("hello", (args, ack) -> {
            got.add(args);
            got.add(ack);
        });
        int mark = c.mark();
        c.send("42[\"hello\",1,\"two\",{\"three\":[3,true,null]},2.5]");
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("three", java.util.Arrays.asList(3L, true, null));
        assertEquals(List.of(1L, "two", obj, 2.5), got.get(0));
        assertSame(Ack.NONE, got.get(1));
        c.assertNothingSince(mark);
    }

    @Test
    void everyHandlerOfTheEventRunsInRegistrationOrder() {
        List<String> calls = new ArrayList<>();
        socket.on("x", (args, ack) -> calls.add("a")).on("x", (args, ack) -> calls.add("b"));
        socket.on("y", (args, ack) -> calls.add("y"));
        c.send("42[\"x\"]");
        assertEquals(List.of("a", "b"), calls);
    }

    @Test
    void eventsWithoutHandlerAreIgnored() {
        int mark = c.mark();
        c.send("42[\"nobody-listens\",1]");
        c.assertNothingSince(mark);
        assertFalse(c.isClosed());
    }

    @Test
    void offRemovesTheHandlers() {
        List<Object> got = new ArrayList<>();
        socket.on("x", (args, ack) -> got.add(args));
        socket.off("x");
        c.send("42[\"x\"]");
        assertTrue(got.isEmpty());
    }

    @Test
    void eventsOfACustomNamespaceReachThatNamespacesSocket() {
        t.io.of("/admin");
        String adminId = c.connectTo("/admin");
        Socket admin = t.io.of("/admin").sockets().get(adminId);
        List<String> calls = new ArrayList<>();
        socket.on("x", (args, ack) -> calls.add("main " + args));
        admin.on("x", (args, ack) -> calls.add("admin " + args));
        c.send("42/admin,[\"x\",1]");
        c.send("42[\"x\",2]");
        assertEquals(List.of("admin [1]", "main [2]"), calls);
    }

    @Test
    void aNumericEventNameIsDispatchedAsItsString() {
        List<Object> got = new ArrayList<>();
        socket.on("7", (args, ack) -> got.add(args));
        c.send("42[7,\"a\"]");
        assertEquals(List.of(List.of("a")), got);
    }

    @Test
    void onAnySeesEveryEventBeforeTheHandlers() {
        List<String> calls = new ArrayList<>();
        socket.onAny((event, args) -> calls.add("any " + event + " " + args));
        socket.on("x", (args, ack) -> calls.add("x " + args));
        c.send("42[\"x\",1]");
        c.send("42[\"unhandled\"]");
        assertEquals(List.of("any x [1]", "x [1]", "any unhandled []"), calls);
    }

    @Test
    void utf8MultibyteTextArrivesIntact() {
        List<Object> got = new ArrayList<>();
        socket.on("m", (args, ack) -> got.add(args.get(0)));
        c.send("42[\"m\",\"てすと ✓ 😀\"]");
        assertEquals("てすと ✓ 😀", got.get(0));
        socket.emit("m", "てすと ✓ 😀");
        assertEquals("42[\"m\",\"てすと ✓ 😀\"]", c.lastText());
    }

    @Test
    void binaryEventArgumentsAreRestoredFromAttachments() {
        List<Object> got = new ArrayList<>();
        socket.on("baz", (args, ack) -> got.addAll(args));
        c.send("451-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
        assertTrue(got.isEmpty(), "waits for the attachment");
        c.sendBinary(new byte[] {1, 2, 3, 4});
        assertEquals(1, got.size());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) got.get(0));
    }

    @Test
    void nestedAndMixedBinaryArgumentsAreRestored() {
        List<Object> got = new ArrayList<>();
        socket.on("mix", (args, ack) -> got.addAll(args));
        c.send("452-[\"mix\",\"text\",{\"a\":{\"_placeholder\":true,\"num\":1},\"b\":[{\"_placeholder\":true,\"num\":0}]},3]");
        c.sendBinary(new byte[] {9});
        c.sendBinary(new byte[] {7, 7});
        assertEquals(3, got.size());
        assertEquals("text", got.get(0));
        Map<?, ?> obj = assertInstanceOf(Map.class, got.get(1));
        assertArrayEquals(new byte[] {7, 7}, (byte[]) obj.get("a"));
        assertArrayEquals(new byte[] {9}, (byte[]) ((List<?>) obj.get("b")).get(0));
        assertEquals(3L, got.get(2));
    }

    @Test
    void binaryEventOnACustomNamespace() {
        t.io.of("/bin");
        String id = c.connectTo("/bin");
        List<Object> got = new ArrayList<>();
        t.io.of("/bin").sockets().get(id).on("up", (args, ack) -> got.addAll(args));
        c.send("451-/bin,[\"up\",{\"_placeholder\":true,\"num\":0}]");
        c.sendBinary(new byte[] {5});
        assertArrayEquals(new byte[] {5}, (byte[]) got.get(0));
    }

    @Test
    void emitWritesAnEventPacket() {
        socket.emit("hey", "Jude", 1, true, null, List.of(1, 2), Map.of("k", "v"));
        assertEquals("42[\"hey\",\"Jude\",1,true,null,[1,2],{\"k\":\"v\"}]", c.lastText());
    }

    @Test
    void emitOnACustomNamespaceCarriesItsName() {
        t.io.of("/admin");
        String id = c.connectTo("/admin");
        t.io.of("/admin").sockets().get(id).emit("x");
        assertEquals("42/admin,[\"x\"]", c.lastText());
    }

    @Test
    void binaryEmitIsSentAsBinaryEventWithPlaceholdersAndBinaryFrames() {
        byte[] payload = {1, 2, 3};
        int mark = c.mark();
        socket.emit("file", "name.bin", payload);
        List<Object> frames = c.framesSince(mark);
        assertEquals(2, frames.size(), frames.toString());
        assertEquals("451-[\"file\",\"name.bin\",{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertArrayEquals(payload, (byte[]) frames.get(1));
    }

    @Test
    void severalBinaryArgumentsFollowInDepthFirstOrder() {
        int mark = c.mark();
        socket.emit("two", Map.of("x", new byte[] {1}), List.of(new byte[] {2}));
        List<Object> frames = c.framesSince(mark);
        assertEquals(3, frames.size());
        assertEquals("452-[\"two\",{\"x\":{\"_placeholder\":true,\"num\":0}},[{\"_placeholder\":true,\"num\":1}]]",
                frames.get(0));
        assertArrayEquals(new byte[] {1}, (byte[]) frames.get(1));
        assertArrayEquals(new byte[] {2}, (byte[]) frames.get(2));
    }

    @Test
    void unknownValueTypesAreWrittenThroughTheBinder() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        socket.emit("id", id);
        assertEquals("42[\"id\",\"00000000-0000-0000-0000-000000000001\"]", c.lastText());
    }

    @Test
    void typedHandlersGetTheFirstArgumentBound() {
        List<Object> got = new ArrayList<>();
        socket.on("n", Integer.class, (n, ack) -> got.add(n));
        c.send("42[\"n\",41]");
        assertEquals(List.of(41), got);
    }

    @Test
    void sendIsNotPossibleOnceDisconnected() {
        socket.disconnect();
        int mark = c.mark();
        socket.emit("late");
        c.assertNothingSince(mark);
    }
}
