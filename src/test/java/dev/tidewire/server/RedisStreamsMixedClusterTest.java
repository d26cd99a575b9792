package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisProbe;
import dev.tidewire.internal.redis.RedisStreamsAdapterFactory;
import dev.tidewire.internal.redis.RedisStreamsOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed Redis Streams cluster on one real Redis: the Node node runs {@code @socket.io/redis-streams-adapter} 0.3.1,
 * and both sides have connection state recovery, so every broadcast event ends with its stream offset. Besides the
 * contract ({@link MixedRedisClusterContract}), each side's room broadcasts reach the other side's client, and a
 * session one side kept is recovered on the other with the events it missed.
 */
class RedisStreamsMixedClusterTest extends MixedRedisClusterContract {
    private static final Pattern REPLY = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}$");
    private static final Pattern OFFSET = Pattern.compile("\\d+-\\d+");

    private String javaPid;

    @Override
    protected SioTestServer javaNode(String redisUri) {
        return new SioTestServer(SocketIoOptions.defaults()
                .withRecovery(new RecoveryOptions(60_000, true))
                .withAdapterFactory(new RedisStreamsAdapterFactory(RedisStreamsOptions.defaults().withUri(redisUri))));
    }

    @Override
    protected NodeRedisNode nodeNode(String redisUri) {
        return NodeRedisNode.start("cluster/redis-streams-node.mjs", redisUri);
    }

    @Override
    protected String connectPeer() {
        String[] ids = connect(peer, null);
        javaPid = ids[1];
        return ids[0];
    }

    @Test
    void aRoomBroadcastFromJavaReachesTheNodeClient() {
        int mark = peer.mark();
        java.io.to("node-room").emit("hello", 1, Map.of("k", "v"), new byte[]{1, 2, 3});
        Eventually.until("the Node client's event", () -> !node.clientEvents("hello").isEmpty());
        List<Object> args = node.clientEvents("hello").get(0);
        assertEquals(List.of(1L, Map.of("k", "v")), args.subList(0, 2));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) args.get(2), "binary stays binary");
        assertTrue(OFFSET.matcher((String) args.get(3)).matches(), "the stream offset: " + args);
        java.io.to("java-room").emit("marker");
        Eventually.until("the marker", () -> !peer.textsSince(mark).isEmpty());
        assertTrue(peer.textsSince(mark).get(0).startsWith("42[\"marker\""), "nothing before: " + peer.textsSince(mark));
    }

    @Test
    void aRoomBroadcastFromNodeReachesTheJavaClient() {
        int mark = peer.mark();
        node.call("emit", "room", "java-room", "event", "hi", "args", List.of(2, NodeRedisNode.binary(new byte[]{4, 5})));
        Eventually.until("the Java client's frames", () -> peer.framesSince(mark).size() == 2);
        List<Object> frames = peer.framesSince(mark);
        assertTrue(((String) frames.get(0)).matches("451-\\[\"hi\",2,\\{\"_placeholder\":true,\"num\":0},\"\\d+-\\d+\"]"),
                frames.get(0).toString());
        assertArrayEquals(new byte[]{4, 5}, (byte[]) frames.get(1));
        assertTrue(node.clientEvents("hi").isEmpty(), "the Node client is not in java-room");
    }






    @Test
    @SuppressWarnings("unchecked")
    void aSessionKeptByTheNodeNodeIsRecoveredOnTheJavaNode() {
        String id = (String) node.call("connectRecoverable");
        java.io.to("node-room").emit("first");
        Eventually.until("the offset on the Node client", () ->
                ((Map<String, Object>) node.call("recoverableState")).get("offset") != null);
        Map<String, Object> state = (Map<String, Object>) node.call("recoverableState");
        String pid = (String) state.get("pid");
        String offset = (String) state.get("offset");
        node.call("dropRecoverable");
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            Eventually.until("the session kept by Node", () -> probe.get("sio:session:" + pid) != null);
            long before = probe.xlen("socket.io");
            java.io.to("node-room").emit("missed", "from java", new byte[]{7});
            // each side writes on its own connection: one entry at a time, so that the stream's order is known
            Eventually.until("Java's entry in the stream", () -> probe.xlen("socket.io") == before + 1);
            node.call("emit", "room", "node-room", "event", "missed", "args", List.of("from node"));
            Eventually.until("Node's entry in the stream", () -> probe.xlen("socket.io") == before + 2);
            java.io.to("java-room").emit("not for it");
            Eventually.until("the broadcasts in the stream", () -> probe.xlen("socket.io") == before + 3);
        }

        SioTestServer.Peer again = java.connect();
        String[] ids = connect(again, "{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}");
        assertEquals(List.of(id, pid), List.of(ids));
        Socket restored = java.io.sockets().sockets().get(id);
        assertTrue(restored.recovered());
        assertEquals(Set.of(id, "node-room"), restored.rooms());
        assertEquals(Map.of("nick", "nina"), restored.data());
        List<Object> frames = again.framesSince(0).stream().filter(f -> !(f instanceof String s) || s.startsWith("4"))
                .toList();
        assertEquals(4, frames.size(), frames.toString()); // the CONNECT reply, a binary event in two frames, an event
        assertTrue(((String) frames.get(1)).matches(
                "451-\\[\"missed\",\"from java\",\\{\"_placeholder\":true,\"num\":0},\"\\d+-\\d+\"]"), frames.toString());
        assertArrayEquals(new byte[]{7}, (byte[]) frames.get(2));
        assertTrue(((String) frames.get(3)).matches("42\\[\"missed\",\"from node\",\"\\d+-\\d+\"]"), frames.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionKeptByTheJavaNodeIsRecoveredOnTheNodeNode() {
        javaSocket.data().put("nick", "jo");
        int mark = peer.mark();
        node.call("emit", "room", "java-room", "event", "first");
        Eventually.until("the event on the Java client", () -> !peer.textsSince(mark).isEmpty());
        Matcher offset = Pattern.compile(",\"(\\d+-\\d+)\"]$").matcher(peer.textsSince(mark).get(0));
        assertTrue(offset.find(), peer.textsSince(mark).toString());
        String pid = javaPid;
        peer.closeTransport();
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            Eventually.until("the session kept by Java", () -> probe.get("sio:session:" + pid) != null);
            long before = probe.xlen("socket.io");
            node.call("emit", "room", "java-room", "event", "missed", "args", List.of("from node",
                    NodeRedisNode.binary(new byte[]{8})));
            // each side writes on its own connection: one entry at a time, so that the stream's order is known
            Eventually.until("Node's entry in the stream", () -> probe.xlen("socket.io") == before + 1);
            java.io.to("java-room").emit("missed", "from java");
            Eventually.until("Java's entry in the stream", () -> probe.xlen("socket.io") == before + 2);
            node.call("emit", "room", "node-room", "event", "not for it");
            Eventually.until("the broadcasts in the stream", () -> probe.xlen("socket.io") == before + 3);
        }

        Map<String, Object> result = (Map<String, Object>) node.call("recoverSession", "pid", pid, "offset",
                offset.group(1));
        assertEquals(javaSocket.id(), result.get("clientId"));
        // (the client's own recovered flag stays false: it did not have the pid itself, the test handed it over)
        Map<String, Object> server = (Map<String, Object>) result.get("server");
        assertEquals(true, server.get("recovered"));
        assertEquals(Set.of(javaSocket.id(), "java-room"), Set.copyOf((List<Object>) server.get("rooms")));
        assertEquals(Map.of("nick", "jo"), server.get("data"));
        Eventually.until("the missed events on the Node client", () ->
                node.eventArgs("recovered-client-event", "missed").size() == 2);
        List<List<Object>> missed = node.eventArgs("recovered-client-event", "missed");
        assertEquals("from node", missed.get(0).get(0));
        assertArrayEquals(new byte[]{8}, (byte[]) missed.get(0).get(1));
        assertEquals("from java", missed.get(1).get(0));
        assertTrue(node.eventArgs("recovered-client-event", "not for it").isEmpty());
    }

    /** Sends a CONNECT to {@code /} and returns the reply's sid and pid. */
    private static String[] connect(SioTestServer.Peer client, String auth) {
        int mark = client.mark();
        client.send(auth == null ? "40" : "40" + auth);
        Matcher m = REPLY.matcher(client.textsSince(mark).get(0));
        assertTrue(m.matches(), client.textsSince(mark).toString());
        return new String[]{m.group(1), m.group(2)};
    }
}
