package dev.tidewire.server;

import dev.tidewire.internal.parser.MsgPackMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.tidewire.server.MsgPackPeer.ACK;
import static dev.tidewire.server.MsgPackPeer.CONNECT;
import static dev.tidewire.server.MsgPackPeer.CONNECT_ERROR;
import static dev.tidewire.server.MsgPackPeer.DISCONNECT;
import static dev.tidewire.server.MsgPackPeer.EVENT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with {@code Parser.MSGPACK} speaks socket.io-msgpack-parser's wire: every Socket.IO packet is one binary
 * message {@code {type, data, nsp, id}}, binary stays in place, and handlers get the same Java values as with the
 * default parser.
 */
class MsgPackParserTest {
    private final SioTestServer t = new SioTestServer(SocketIoOptions.defaults().withParser(Parser.MSGPACK));
    private MsgPackPeer c;

    @BeforeEach
    void open() {
        c = new MsgPackPeer(t.connect());
    }

    private Socket connectedSocket() {
        return t.io.sockets().sockets().get(c.connectTo("/"));
    }

    // ---------------------------------------------------------------- namespace connection

    @Test
    void theConnectReplyIsOneBinaryMessageWithTheSid() {
        int mark = c.mark();
        c.send(CONNECT, "/", null, null);
        Map<String, Object> reply = c.onlyPacketSince(mark);
        assertEquals(List.of("type", "data", "nsp"), List.copyOf(reply.keySet()), "no id without an ack");
        assertEquals(CONNECT, reply.get("type"));
        String sid = (String) ((Map<?, ?>) reply.get("data")).get("sid");
        assertTrue(t.io.sockets().sockets().containsKey(sid), reply.toString());
    }

    @Test
    void theAuthOfAConnectIsTheHandshakeAuth() {
        t.io.of("/admin");
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("token", "123");
        auth.put("retries", 2);
        String sid = c.connectTo("/admin", auth);
        assertEquals(Map.of("token", "123", "retries", 2L), t.io.of("/admin").sockets().get(sid).handshake().auth());
    }

    @Test
    void aRefusedConnectGetsAConnectErrorWithItsData() {
        t.io.of("/private").use(s -> {
            throw new ConnectionRefusedException("not authorized", Map.of("code", 401));
        });
        int mark = c.mark();
        c.send(CONNECT, "/private", null, null);
        assertEquals(Map.of("type", CONNECT_ERROR, "nsp", "/private",
                "data", Map.of("message", "not authorized", "data", Map.of("code", 401))), c.onlyPacketSince(mark));
        mark = c.mark();
        c.send(CONNECT, "/nowhere", null, null);
        assertEquals(Map.of("type", CONNECT_ERROR, "nsp", "/nowhere", "data", Map.of("message", "Invalid namespace")),
                c.onlyPacketSince(mark));
        assertFalse(c.peer.isClosed(), "a refused CONNECT leaves the connection open");
    }

    // ---------------------------------------------------------------- events and acks

    @Test
    void handlersGetTheValuesTheDefaultParserGives() {
        Socket socket = connectedSocket();
        List<Object> got = new ArrayList<>();
        socket.on("values", (args, ack) -> got.addAll(args));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1);
        object.put("a", List.of());
        c.emit("/", null, "values", 1, -200, 2.5, 3.0, "text", true, null, object);
        // integers and integral floats are Long, as 1 and 3.0 are in JSON text
        assertEquals(Arrays.asList(1L, -200L, 2.5, 3L, "text", true, null, Map.of("b", 1L, "a", List.of())), got);
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) got.get(7)).keySet()), "map order is kept");
    }

    @Test
    void aClientAckIsAnsweredWithItsId() {
        Socket socket = connectedSocket();
        socket.on("hello", (args, ack) -> ack.send("x", 2));
        int mark = c.mark();
        c.emit("/", 13L, "hello", 1);
        assertEquals(Map.of("type", ACK, "data", List.of("x", 2), "nsp", "/", "id", 13), c.onlyPacketSince(mark));
    }

    @Test
    void aServerAckRequestCarriesAnIdAndTheClientsAnswerCompletesIt() {
        Socket socket = connectedSocket();
        int mark = c.mark();
        CompletableFuture<List<Object>> reply = socket.emitWithAck("question", "?").toCompletableFuture();
        Map<String, Object> request = c.onlyPacketSince(mark);
        assertEquals(EVENT, request.get("type"));
        assertEquals(List.of("question", "?"), request.get("data"));
        int id = (Integer) request.get("id");
        c.send(ACK, "/", List.of("answer", new byte[]{7}), (long) id);
        List<Object> answer = reply.join();
        assertEquals("answer", answer.get(0));
        assertArrayEquals(new byte[]{7}, (byte[]) answer.get(1));
    }

    @Test
    void binaryTravelsInPlaceBothWaysInOneMessage() {
        Socket socket = connectedSocket();
        List<Object> got = new ArrayList<>();
        socket.on("upload", (args, ack) -> {
            got.addAll(args);
            ack.send(Map.of("echo", args.get(1)));
        });
        int mark = c.mark();
        c.emit("/", 1L, "upload", "name", new byte[]{1, 2, 3}, Map.of("nested", List.of(new byte[]{4})));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) got.get(1));
        assertArrayEquals(new byte[]{4}, (byte[]) ((List<?>) ((Map<?, ?>) got.get(2)).get("nested")).get(0));

        Map<String, Object> ack = c.onlyPacketSince(mark);
        assertEquals(ACK, ack.get("type"), "an ack with binary stays an ACK: no attachments, no BINARY_ACK");
        Map<?, ?> echo = assertInstanceOf(Map.class, ((List<?>) ack.get("data")).get(0));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) echo.get("echo"));
    }

    @Test
    void anInstantArrivesAsADateAndAClientDateAsItsIsoText() {
        Socket socket = connectedSocket();
        List<Object> got = new ArrayList<>();
        socket.on("when", (args, ack) -> got.addAll(args));
        int mark = c.mark();
        socket.emit("at", Instant.ofEpochMilli(1_700_000_000_123L));
        assertEquals(List.of("at", Instant.ofEpochMilli(1_700_000_000_123L)), c.onlyPacketSince(mark).get("data"));

        // {type: 2, nsp: "/", data: ["when", new Date(1700000000123)]}: notepack writes the milliseconds as a fixext 8
        c.peer.sendBinary(MsgPackMessages.hex("83a474797065" + "02" + "a36e7370a12f" + "a46461746192a47768656e"
                + "d700" + "0000018bcfe5687b"));
        assertEquals(List.of("2023-11-14T22:13:20.123Z"), got);
    }

    // ---------------------------------------------------------------- disconnect

    @Test
    void aClientDisconnectAndAServerDisconnect() {
        t.io.of("/chat");
        List<String> reasons = new ArrayList<>();
        Socket main = connectedSocket();
        main.onDisconnect((s, r) -> reasons.add(r.wireName()));
        Socket chat = t.io.of("/chat").sockets().get(c.connectTo("/chat"));

        c.send(DISCONNECT, "/", null, null);
        assertEquals(List.of("client namespace disconnect"), reasons);
        assertFalse(main.connected());

        int mark = c.mark();
        chat.disconnect();
        assertEquals(Map.of("type", DISCONNECT, "nsp", "/chat"), c.onlyPacketSince(mark));
        assertFalse(c.peer.isClosed(), "the connection stays open with no namespace left");
    }
}
