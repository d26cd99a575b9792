package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisProbe;
import dev.tidewire.internal.redis.RedisStreamsAdapterFactory;
import dev.tidewire.internal.redis.RedisStreamsOptions;
import dev.tidewire.internal.redis.RedisUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tidewire.server.ClusterAwait.awaitServerCount;
import static dev.tidewire.server.ClusterAwait.awaitTexts;
import static dev.tidewire.server.ClusterAwait.ids;
import static dev.tidewire.server.ClusterAwait.serverCountFails;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers, each with its own {@link RedisStreamsAdapterFactory}, on one real {@code redis-server}: the contract
 * every Redis adapter keeps ({@link RedisTwoNodeContract}), with lasting operations through the stream and requests
 * and acks through pub/sub, plus what is the streams adapter's own: Redis going away without a gap, malformed
 * entries, and a disconnected client recovering its session on the other node with what it missed.
 */
class RedisStreamsAdapterTest extends RedisTwoNodeContract {
    private static final String STREAM = "socket.io";
    private static final Pattern REPLY = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}$");
    private static final Pattern LAST_STRING = Pattern.compile(",\"([^\"]+)\"]$");

    @Override
    protected AdapterFactory adapter(String redisUri) {
        return new RedisStreamsAdapterFactory(RedisStreamsOptions.defaults().withUri(redisUri));
    }

    @Test
    void roomsAndExclusionsAreResolvedOnTheNodeOfEachSocket() {
        socketOnA.join("news");
        socketOnB.join("news");
        socketOnB.join("quiet");
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.to("news").except("quiet").emit("loud");
        a.io.to("news").emit("headline", 1, Map.of("k", "v"));
        a.io.to("elsewhere").emit("nobody");
        assertEquals(List.of("42[\"loud\"]", "42[\"headline\",1,{\"k\":\"v\"}]"), onA.textsSince(ma));
        a.io.to(socketOnB.id()).emit("marker");
        awaitTexts(onB, mb, "42[\"headline\",1,{\"k\":\"v\"}]", "42[\"marker\"]");
    }






    @Test
    void whileRedisIsDownLocalDeliveryGoesOnAndClusterOperationsFailFastThenWorkAgain() throws Exception {
        redis.stop();
        Eventually.until("a to notice", () -> serverCountFails(a));
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.emit("still here"); // kept for the stream: it reaches b once Redis is back
        assertEquals(List.of("42[\"still here\"]"), onA.textsSince(ma));
        ExecutionException fetch = assertThrows(ExecutionException.class,
                () -> a.io.fetchSockets().toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, fetch.getCause());
        ExecutionException emit = assertThrows(ExecutionException.class,
                () -> a.io.serverSideEmitWithAck(5000, "ping").toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, emit.getCause());

        redis.startAgain();
        awaitServerCount(2, a, b);
        // the readers went on from their last entry: neither the kept broadcast nor the first one after is lost
        a.io.emit("back");
        awaitTexts(onB, mb, "42[\"still here\"]", "42[\"back\"]");
        ma = onA.mark();
        b.io.emit("both ways");
        awaitTexts(onA, ma, "42[\"both ways\"]");
        assertEquals(2, a.io.fetchSockets().toCompletableFuture().get(5, SECONDS).size());
    }

    @Test
    void aNodeStartedWhileRedisIsDownJoinsTheClusterOnceRedisIsUp() throws Exception {
        redis.stop();
        SioTestServer c = node(SocketIoOptions.defaults());
        try {
            SioTestServer.Peer onC = c.connect();
            onC.connectTo("/");
            int mc = onC.mark();
            int mb = onB.mark();
            c.io.emit("alone"); // kept for the stream: it reaches b once Redis is back
            assertEquals(List.of("42[\"alone\"]"), onC.textsSince(mc));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> c.io.fetchSockets().toCompletableFuture().get(1, SECONDS));
            assertInstanceOf(RedisUnavailableException.class, e.getCause());

            redis.startAgain();
            awaitServerCount(3, a, b, c); // c's reader found where to start, then subscribed
            c.io.emit("joined");
            awaitTexts(onB, mb, "42[\"alone\"]", "42[\"joined\"]");
            mc = onC.mark();
            a.io.emit("welcome");
            awaitTexts(onC, mc, "42[\"welcome\"]");
        } finally {
            c.io.close();
        }
    }

    @Test
    void broadcastsMadeWhileRedisIsDownReachTheOtherNodeInOrderOnceItIsBack() throws Exception {
        socketOnB.join("room");
        int mb = onB.mark();
        redis.stop();
        Eventually.until("a to notice", () -> serverCountFails(a));
        a.io.to("room").emit("one");
        a.io.to("room").emit("two", 2);
        a.io.to("room").emit("three");

        redis.startAgain(); // empty: the stream starts again, with ids after the last one b read
        awaitTexts(onB, mb, "42[\"one\"]", "42[\"two\",2]", "42[\"three\"]");
        awaitServerCount(2, a, b);
        a.io.emit("marker");
        awaitTexts(onB, mb, "42[\"one\"]", "42[\"two\",2]", "42[\"three\"]", "42[\"marker\"]");
    }

    @Test
    void aMalformedStreamEntryIsSkippedAndTheReadersGoOn() {
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            probe.xadd(STREAM, Map.of("uid", "x", "nsp", "/", "type", "3", "data", "{not json"));
            probe.xadd(STREAM, Map.of("uid", "x", "nsp", "/", "type", "3", "data", "not base64!"));
            probe.xadd(STREAM, Map.of("uid", "x", "nsp", "/", "type", "99", "data", "{}"));
            probe.xadd(STREAM, Map.of("uid", "x", "nsp", "/", "type", "three"));
            probe.xadd(STREAM, Map.of("uid", "x", "nsp", "/", "type", "3", "data", "{\"packet\":1}"));
            probe.xadd(STREAM, Map.of("no", "namespace"));
            probe.publish("socket.io#/#", new byte[]{(byte) 0xc1});
            probe.publish("socket.io#/#", "{\"type\":3}");
        }
        int mb = onB.mark();
        a.io.emit("still working");
        awaitTexts(onB, mb, "42[\"still working\"]");
        assertTrue(socketOnB.connected());
    }


    // ---------------------------------------------------------------- connection state recovery across nodes

    @Test
    void aClientRecoversItsSessionOnTheOtherNodeWithWhatItMissed() throws Exception {
        SioTestServer c = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        SioTestServer d = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            awaitServerCount(4, c, d);
            SioTestServer.Peer first = c.connect();
            String[] ids = connect(first, null);
            Socket socket = c.io.sockets().sockets().get(ids[0]);
            socket.join("news");
            socket.data().put("nick", "ada");
            int mark = first.mark();
            c.io.to("news").emit("first");
            awaitTexts(first, mark, 1);
            String offset = lastString(first.textsSince(mark).get(0));
            assertTrue(offset.matches("\\d+-\\d+"), "a stream id: " + offset);

            first.closeTransport();
            Eventually.until("the session kept in Redis", () -> probe.get("sio:session:" + ids[1]) != null);
            long ttl = probe.pttl("sio:session:" + ids[1]);
            assertTrue(ttl > 0 && ttl <= 60_000, "expires after maxDisconnectionDuration: " + ttl);
            long before = probe.xlen(STREAM);
            d.io.to("news").emit("missed", 1);
            d.io.to("elsewhere").emit("not for it");
            d.io.to("news").except(ids[0]).emit("not for it either");
            d.io.asVolatile().emit("volatile");
            // d's entries first: c writes on a connection of its own, which could otherwise overtake them
            Eventually.until("d's broadcasts in the stream", () -> probe.xlen(STREAM) == before + 4);
            c.io.emit("to all");
            Eventually.until("the broadcasts in the stream", () -> probe.xlen(STREAM) == before + 5);

            SioTestServer.Peer again = d.connect();
            String[] recovered = connect(again, "{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + offset + "\"}");
            assertEquals(List.of(ids[0], ids[1]), List.of(recovered));
            Socket restored = d.io.sockets().sockets().get(ids[0]);
            assertTrue(restored.recovered());
            assertTrue(restored.rooms().contains("news"), restored.rooms().toString());
            assertEquals("ada", restored.data().get("nick"));
            List<String> replayed = again.texts().stream().filter(f -> f.startsWith("42")).toList();
            assertEquals(2, replayed.size(), replayed.toString());
            assertTrue(replayed.get(0).startsWith("42[\"missed\",1,\""), replayed.toString());
            assertTrue(replayed.get(1).startsWith("42[\"to all\",\""), replayed.toString());
            assertNotEquals(offset, lastString(replayed.get(1)), "each replayed event carries its own offset");
            assertEquals(null, probe.get("sio:session:" + ids[1]), "a session is restored once");
        } finally {
            c.io.close();
            d.io.close();
        }
    }

    @Test
    void theClientsOfANodeThatShutsDownRecoverTheirSessionsOnTheOtherNode() throws Exception {
        SioTestServer c = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        SioTestServer d = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            awaitServerCount(4, c, d);
            SioTestServer.Peer first = c.connect();
            String[] ids = connect(first, null);
            c.io.sockets().sockets().get(ids[0]).join("news");
            int mark = first.mark();
            c.io.to("news").emit("first");
            awaitTexts(first, mark, 1);
            String offset = lastString(first.textsSince(mark).get(0));

            c.io.close(); // "server shutting down" is recoverable, as in the reference: the session goes to Redis
            Eventually.until("the session kept in Redis", () -> probe.get("sio:session:" + ids[1]) != null);
            long before = probe.xlen(STREAM);
            d.io.to("news").emit("missed");
            Eventually.until("d's broadcast in the stream", () -> probe.xlen(STREAM) == before + 1);

            SioTestServer.Peer again = d.connect();
            String[] recovered = connect(again, "{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + offset + "\"}");
            assertEquals(List.of(ids[0], ids[1]), List.of(recovered));
            Socket restored = d.io.sockets().sockets().get(ids[0]);
            assertTrue(restored.recovered());
            assertTrue(restored.rooms().contains("news"), restored.rooms().toString());
            List<String> replayed = again.texts().stream().filter(f -> f.startsWith("42")).toList();
            assertEquals(1, replayed.size(), replayed.toString());
            assertTrue(replayed.get(0).startsWith("42[\"missed\",\""), replayed.toString());
        } finally {
            c.io.close();
            d.io.close();
        }
    }

    @Test
    void anUnknownPidABadOffsetOrAnOffsetNotInTheStreamGiveAFreshSession() {
        SioTestServer c = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        SioTestServer d = node(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true)));
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            awaitServerCount(4, c, d);
            String existing = probe.xadd(STREAM, Map.of("note", "an entry of no namespace"));
            assertFresh(d, "{\"pid\":\"no-such-pid\",\"offset\":\"" + existing + "\"}", null);

            for (String offset : List.of("garbage", "1-0", "99999999999999999999-0")) {
                SioTestServer.Peer peer = c.connect();
                String[] ids = connect(peer, null);
                peer.closeTransport();
                Eventually.until("the session kept", () -> probe.get("sio:session:" + ids[1]) != null);
                assertFresh(d, "{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + offset + "\"}", ids[0]);
            }
        } finally {
            c.io.close();
            d.io.close();
        }
    }

    private static void assertFresh(SioTestServer server, String auth, String previousSid) {
        SioTestServer.Peer peer = server.connect();
        String[] ids = connect(peer, auth);
        assertNotEquals(previousSid, ids[0], auth);
        assertFalse(server.io.sockets().sockets().get(ids[0]).recovered(), auth);
    }

    /** Sends a CONNECT to {@code /} and returns the reply's sid and pid. */
    private static String[] connect(SioTestServer.Peer peer, String auth) {
        int mark = peer.mark();
        peer.send(auth == null ? "40" : "40" + auth);
        Matcher m = REPLY.matcher(peer.textsSince(mark).get(0));
        assertTrue(m.matches(), peer.textsSince(mark).toString());
        return new String[]{m.group(1), m.group(2)};
    }

    private static String lastString(String frame) {
        Matcher m = LAST_STRING.matcher(frame);
        assertTrue(m.find(), frame);
        return m.group(1);
    }
}
