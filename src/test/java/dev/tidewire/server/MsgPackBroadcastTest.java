package dev.tidewire.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broadcasts with the MessagePack parser: one encoding for every target, on each node of a cluster, and the offsets
 * of connection state recovery, which ride in the event data whatever the parser.
 */
class MsgPackBroadcastTest {
    private static SocketIoOptions msgpack() {
        return SocketIoOptions.defaults().withParser(Parser.MSGPACK);
    }

    private static List<MsgPackPeer> connectedPeers(SioTestServer server, int count) {
        List<MsgPackPeer> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MsgPackPeer p = new MsgPackPeer(server.connect());
            p.connectTo("/");
            peers.add(p);
        }
        return peers;
    }

    @Test
    void aBroadcastIsEncodedOnceAndTheSameMessageWrittenToEveryTarget() {
        SioTestServer t = new SioTestServer(msgpack());
        List<MsgPackPeer> peers = connectedPeers(t, 5);
        t.io.emit("news", "x".repeat(100), new byte[]{1, 2});
        Object first = peers.get(0).peer.lastFrame();
        Map<?, ?> packet = assertInstanceOf(Map.class, MsgPackPeer.unpack((byte[]) first));
        assertEquals(List.of("news", "x".repeat(100)), ((List<?>) packet.get("data")).subList(0, 2));
        assertArrayEquals(new byte[]{1, 2}, (byte[]) ((List<?>) packet.get("data")).get(2));
        for (MsgPackPeer p : peers) assertSame(first, p.peer.lastFrame(), "one encoding, one message, for all");
    }

    @Test
    void aBroadcastWithAcksIsEncodedOnceAndEachAnswerCounted() {
        SioTestServer t = new SioTestServer(msgpack());
        List<MsgPackPeer> peers = connectedPeers(t, 3);
        CompletableFuture<List<Object>> answers = t.io.timeout(1000).emitWithAck("poll", "q").toCompletableFuture();
        Object first = peers.get(0).peer.lastFrame();
        for (MsgPackPeer p : peers) assertSame(first, p.peer.lastFrame());
        int id = (Integer) ((Map<?, ?>) MsgPackPeer.unpack((byte[]) first)).get("id");
        for (int i = 0; i < peers.size(); i++) peers.get(i).send(MsgPackPeer.ACK, "/", List.of(i), (long) id);
        assertEquals(List.of(0L, 1L, 2L), answers.join());
    }

    @Test
    void eachNodeOfAClusterEncodesABroadcastOnceForItsOwnClients() {
        InMemoryBus bus = new InMemoryBus();
        SioTestServer a = new SioTestServer(msgpack().withAdapterFactory(bus.factory()));
        SioTestServer b = new SioTestServer(msgpack().withAdapterFactory(bus.factory()));
        List<MsgPackPeer> onA = connectedPeers(a, 2);
        List<MsgPackPeer> onB = connectedPeers(b, 3);
        a.io.emit("hello", 1, new byte[]{9});

        Object fromA = onA.get(0).peer.lastFrame();
        Object fromB = onB.get(0).peer.lastFrame();
        assertSame(fromA, onA.get(1).peer.lastFrame());
        for (MsgPackPeer p : onB) assertSame(fromB, p.peer.lastFrame());
        assertArrayEquals((byte[]) fromA, (byte[]) fromB, "both nodes write the same packet");
    }

    @Test
    void theNodesOfAClusterMayUseDifferentParsers() {
        InMemoryBus bus = new InMemoryBus();
        SioTestServer json = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(bus.factory()));
        SioTestServer binary = new SioTestServer(msgpack().withAdapterFactory(bus.factory()));
        SioTestServer.Peer jsonClient = json.connect();
        jsonClient.connectTo("/");
        MsgPackPeer msgpackClient = connectedPeers(binary, 1).get(0);
        int mark = msgpackClient.mark();
        json.io.emit("hello", 1, Map.of("k", "v"));
        assertEquals("42[\"hello\",1,{\"k\":\"v\"}]", jsonClient.lastText());
        assertEquals(Map.of("type", MsgPackPeer.EVENT, "data", List.of("hello", 1, Map.of("k", "v")), "nsp", "/"),
                msgpackClient.onlyPacketSince(mark));
    }

    @Test
    void connectionStateRecoveryWorksOverMessagePack() {
        SioTestServer t = new SioTestServer(msgpack().withRecovery(new RecoveryOptions(60_000, true)));
        MsgPackPeer c = new MsgPackPeer(t.connect());
        int mark = c.mark();
        c.send(MsgPackPeer.CONNECT, "/", null, null);
        Map<?, ?> reply = (Map<?, ?>) c.onlyPacketSince(mark).get("data");
        String sid = (String) reply.get("sid");
        String pid = (String) reply.get("pid");
        assertTrue(pid != null && !pid.equals(sid), reply.toString());

        mark = c.mark();
        t.io.emit("first");
        List<?> first = (List<?>) c.onlyPacketSince(mark).get("data");
        assertEquals("first", first.get(0));
        String offset = assertInstanceOf(String.class, first.get(1), "an offset appended as the last argument");

        c.peer.closeTransport();
        t.io.emit("missed", 1);
        MsgPackPeer again = new MsgPackPeer(t.connect());
        mark = again.mark();
        again.send(MsgPackPeer.CONNECT, "/", Map.of("pid", pid, "offset", offset), null);
        List<Map<String, Object>> packets = again.packetsSince(mark);
        assertEquals(sid, ((Map<?, ?>) packets.get(0).get("data")).get("sid"), "the same socket: " + packets);
        assertTrue(t.io.sockets().sockets().get(sid).recovered());
        List<?> missed = (List<?>) packets.get(1).get("data");
        assertEquals(List.of("missed", 1), missed.subList(0, 2), packets.toString());
        assertEquals(2, packets.size(), packets.toString());
    }
}
