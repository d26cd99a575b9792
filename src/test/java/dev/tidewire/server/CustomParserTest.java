package dev.tidewire.server;

import dev.tidewire.fixture.JsonEnvelopeParser;
import dev.tidewire.internal.engine.InboundSizeLimit;
import dev.tidewire.server.parser.PacketDecoder;
import dev.tidewire.server.parser.SocketIoPacket;
import dev.tidewire.server.parser.SocketIoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parser of the application's own on a real server: the fixture format ({@link JsonEnvelopeParser}: one JSON text
 * message per packet, binary as {@code {"_b64":...}}) for connects, events and acks both ways, a broadcast encoded
 * once, a message that closes only its own connection, the engine's size limit before the decoder, an encoder's
 * failure at the emitter, and a cluster whose nodes use different parsers. (The log line of a refused message is not
 * asserted here, for the reason HandlerErrorsTest gives; CustomSioParserTest checks its text, which names the parser.)
 */
class CustomParserTest {
    private static final String PARSER_NAME = Counting.class.getName();

    /** The fixture format, counting what it encodes and the messages its decoders see. */
    static final class Counting implements SocketIoParser {
        final SocketIoParser format = new JsonEnvelopeParser();
        final AtomicInteger encoded = new AtomicInteger();
        final AtomicInteger decoded = new AtomicInteger();

        @Override
        public List<?> encode(SocketIoPacket packet) {
            encoded.incrementAndGet();
            return format.encode(packet);
        }

        @Override
        public PacketDecoder newDecoder() {
            PacketDecoder decoder = format.newDecoder();
            return new PacketDecoder() {
                @Override
                public SocketIoPacket decodeText(String text) {
                    decoded.incrementAndGet();
                    return decoder.decodeText(text);
                }

                @Override
                public SocketIoPacket decodeBinary(byte[] data) {
                    decoded.incrementAndGet();
                    return decoder.decodeBinary(data);
                }
            };
        }
    }

    private final Counting parser = new Counting();
    private SioTestServer server(SocketIoOptions options) {
        return new SioTestServer(options.withParser(parser));
    }

    /** Sends one envelope as an Engine.IO message. */
    private static void send(SioTestServer.Peer peer, String envelope) {
        peer.send("4" + envelope);
    }

    /** Connects to {@code nsp} and returns the sid of the CONNECT reply. */
    private static String connect(SioTestServer.Peer peer, String nsp) {
        int mark = peer.mark();
        send(peer, "{\"type\":0,\"nsp\":\"" + nsp + "\"}");
        String reply = peer.textsSince(mark).get(0);
        String prefix = "4{\"type\":0,\"nsp\":\"" + nsp + "\",\"data\":{\"sid\":\"";
        assertTrue(reply.startsWith(prefix) && reply.endsWith("\"}}"), reply);
        return reply.substring(prefix.length(), reply.length() - 3);
    }

    @Test
    void eventsAndAcksTravelBothWaysWithBinaryInPlace() {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer peer = t.connect();
        String sid = connect(peer, "/");
        List<Object> received = new ArrayList<>();
        t.io.sockets().sockets().get(sid).on("echo", (args, ack) -> {
            received.addAll(args);
            ack.send(args.toArray());
        });

        int mark = peer.mark();
        send(peer, "{\"type\":2,\"nsp\":\"/\",\"id\":4,\"data\":[\"echo\",\"x\",1.0,{\"_b64\":\"AQI=\"}]}");
        assertEquals("x", received.get(0));
        assertEquals(1L, received.get(1), "a JavaScript number, as the built-in parsers give it");
        assertArrayEquals(new byte[]{1, 2}, assertInstanceOf(byte[].class, received.get(2)));
        assertEquals(List.of("4{\"type\":3,\"nsp\":\"/\",\"id\":4,\"data\":[\"x\",1,{\"_b64\":\"AQI=\"}]}"),
                peer.textsSince(mark));

        mark = peer.mark();
        CompletableFuture<List<Object>> answer = t.io.sockets().sockets().get(sid).timeout(1000)
                .emitWithAck("question", new byte[]{7}).toCompletableFuture();
        String question = peer.textsSince(mark).get(0);
        assertTrue(question.matches("4\\{\"type\":2,\"nsp\":\"/\",\"id\":\\d+,\"data\":\\[\"question\","
                + "\\{\"_b64\":\"Bw==\"}]}"), question);
        String id = question.replaceAll(".*\"id\":(\\d+).*", "$1");
        send(peer, "{\"type\":3,\"nsp\":\"/\",\"id\":" + id + ",\"data\":[{\"_b64\":\"CAk=\"}]}");
        assertArrayEquals(new byte[]{8, 9}, (byte[]) answer.join().get(0));
    }

    @Test
    void aBroadcastIsEncodedOnceAndTheSameMessageWrittenToEveryTarget() {
        SioTestServer t = server(SocketIoOptions.defaults());
        List<SioTestServer.Peer> peers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SioTestServer.Peer p = t.connect();
            connect(p, "/");
            peers.add(p);
        }
        int before = parser.encoded.get();
        t.io.emit("news", "tide", new byte[]{1});
        assertEquals(before + 1, parser.encoded.get());
        Object first = peers.get(0).lastFrame();
        assertEquals("4{\"type\":2,\"nsp\":\"/\",\"data\":[\"news\",\"tide\",{\"_b64\":\"AQ==\"}]}", first);
        for (SioTestServer.Peer p : peers) assertSame(first, p.lastFrame(), "one encoding, one message, for all");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{\"type\":2,\"nsp\":\"/\",\"data\":[\"disconnect\"]}",
            "{\"type\":7,\"nsp\":\"/\",\"data\":[\"x\"]}"})
    void aMalformedMessageClosesOnlyThatConnection(String message) {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer bad = t.connect();
        SioTestServer.Peer good = t.connect();
        List<String> reasons = new ArrayList<>();
        t.io.sockets().sockets().get(connect(bad, "/")).onDisconnect((s, r) -> reasons.add(r.wireName()));
        t.io.sockets().sockets().get(connect(good, "/")).on("echo", (args, ack) -> ack.send(args.toArray()));

        send(bad, message);
        assertTrue(bad.isClosed(), "the offending client is closed");
        assertEquals(List.of("forced close"), reasons);
        assertFalse(good.isClosed());
        int mark = good.mark();
        send(good, "{\"type\":2,\"nsp\":\"/\",\"id\":9,\"data\":[\"echo\",\"still here\"]}");
        assertEquals(List.of("4{\"type\":3,\"nsp\":\"/\",\"id\":9,\"data\":[\"still here\"]}"), good.textsSince(mark));
    }

    @Test
    void theEnginesMessageSizeLimitAppliesBeforeTheDecoder() {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer peer = t.connect();
        connect(peer, "/");
        // what the container glue puts in front of the engine's handler on every WebSocket, here with a 100-byte limit
        InboundSizeLimit limit = new InboundSizeLimit(100, peer.ws);
        limit.attach(peer.handler);
        int decodedBefore = parser.decoded.get();
        limit.onTextPart("4{\"type\":2,\"nsp\":\"/\",\"data\":[\"e\",\"" + "x".repeat(200) + "\"]}", true);
        assertEquals(1009, (int) peer.ws.closeCode());
        assertEquals(decodedBefore, parser.decoded.get(), "the decoder never saw it");
        limit.onTextPart("4{\"type\":2,\"nsp\":\"/\",\"data\":[\"e\"]}", true);
        assertEquals(decodedBefore + 1, parser.decoded.get(), "a message within the limit reaches it");
    }

    @Test
    void anEncoderFailureReachesTheEmitterAndTheClientStaysConnected() {
        SioTestServer t = server(SocketIoOptions.defaults());
        SioTestServer.Peer peer = t.connect();
        Socket socket = t.io.sockets().sockets().get(connect(peer, "/"));
        // JSON-P cannot write NaN: the fixture's encoder throws
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> socket.emit("n", Double.NaN));
        assertTrue(e.getMessage().contains("parser " + PARSER_NAME), e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
        assertFalse(peer.isClosed());
        int mark = peer.mark();
        socket.emit("n", 1.5);
        assertEquals(List.of("4{\"type\":2,\"nsp\":\"/\",\"data\":[\"n\",1.5]}"), peer.textsSince(mark));
    }

    @Test
    void theNodesOfAClusterMayUseACustomAndABuiltInParser() {
        InMemoryBus bus = new InMemoryBus();
        SioTestServer custom = server(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
        SioTestServer json = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
        SioTestServer.Peer customClient = custom.connect();
        connect(customClient, "/");
        SioTestServer.Peer jsonClient = json.connect();
        jsonClient.connectTo("/");

        json.io.emit("hello", 1, new byte[]{5});
        assertEquals("4{\"type\":2,\"nsp\":\"/\",\"data\":[\"hello\",1,{\"_b64\":\"BQ==\"}]}", customClient.lastText());
        custom.io.emit("back", "x");
        assertEquals("42[\"back\",\"x\"]", jsonClient.lastText());
    }

    @Test
    void aCustomParserAndABuiltInOneReplaceEachOtherAndNeverCoexist() {
        SocketIoOptions custom = SocketIoOptions.defaults().withParser(Parser.MSGPACK).withParser(parser);
        assertSame(parser, custom.customParser());
        assertEquals(Parser.DEFAULT, custom.parser());
        assertEquals(PARSER_NAME, custom.parserName());
        SocketIoOptions builtIn = custom.withParser(Parser.MSGPACK);
        assertEquals(null, builtIn.customParser());
        assertEquals("msgpack", builtIn.parserName());
        assertThrows(IllegalArgumentException.class, () -> new SocketIoOptions(custom.engine(), 1000, true,
                custom.parserLimits(), 10, AdapterFactory.LOCAL, null, Parser.MSGPACK, false, parser));
        assertThrows(IllegalArgumentException.class, () -> custom.withParser((SocketIoParser) null));
    }
}
