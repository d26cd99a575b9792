package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisAdapterFactory;
import dev.tidewire.internal.redis.RedisAdapterOptions;
import dev.tidewire.internal.redis.RedisProbe;
import dev.tidewire.internal.redis.RedisUnavailableException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static dev.tidewire.server.ClusterAwait.ackIdOf;
import static dev.tidewire.server.ClusterAwait.awaitServerCount;
import static dev.tidewire.server.ClusterAwait.awaitTexts;
import static dev.tidewire.server.ClusterAwait.ids;
import static dev.tidewire.server.ClusterAwait.serverCountFails;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers, each with its own {@link RedisAdapterFactory}, on one real {@code redis-server}: the contract every
 * Redis adapter keeps ({@link RedisTwoNodeContract}), plus what is the pub/sub adapter's own: one-room channels, the
 * requester's own response channel, requests nobody answers, Redis going away, and messages not in the reference's
 * format.
 */
class RedisAdapterTest extends RedisTwoNodeContract {
    private static final String REQUESTS = "socket.io-request#/#";

    @Override
    protected AdapterFactory adapter(String redisUri) {
        return new RedisAdapterFactory(RedisAdapterOptions.defaults().withUri(redisUri));
    }

    private SioTestServer node(RedisAdapterOptions options) {
        return new SioTestServer(SocketIoOptions.defaults()
                .withAdapterFactory(new RedisAdapterFactory(options.withUri(redis.uri()))));
    }

    @Test
    void roomsAndExclusionsAreResolvedOnTheNodeOfEachSocket() {
        socketOnB.join("news");
        int ma = onA.mark();
        int mb = onB.mark();
        a.io.to("news").emit("headline"); // a one-room broadcast: on the room's own channel
        a.io.to("news", "sports").emit("digest");
        a.io.except("news").emit("others");
        assertEquals(List.of("42[\"others\"]"), onA.textsSince(ma));
        a.io.to(socketOnB.id()).emit("marker");
        awaitTexts(onB, mb, "42[\"headline\"]", "42[\"digest\"]", "42[\"marker\"]");
    }








    @Test
    void answersMayGoOnTheRequestersOwnChannel() throws Exception {
        RedisAdapterOptions specific = RedisAdapterOptions.defaults().withKey("specific")
                .withPublishOnSpecificResponseChannel(true);
        SioTestServer c = node(specific);
        SioTestServer d = node(specific);
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            probe.psubscribe("specific-response#/#*");
            SioTestServer.Peer onD = d.connect();
            String idOnD = onD.connectTo("/");
            awaitServerCount(2, c, d);
            assertEquals(List.of(idOnD), ids(c.io.fetchSockets().toCompletableFuture().get(5, SECONDS)));
            Eventually.until("the answer seen on its channel", () -> !probe.heard().isEmpty());
            String channel = probe.heard().get(0).channel();
            assertTrue(channel.matches("specific-response#/#\\w{6}#"), channel);
        } finally {
            c.io.close();
            d.io.close();
        }
    }

    @Test
    void aRequestThatANodeNeverAnswersTimesOut() throws Exception {
        try (RedisProbe silent = new RedisProbe(redis.uri())) {
            silent.subscribe(REQUESTS); // counted as a node, answers nothing
            awaitServerCount(3, a);
            int timers = a.clock.pendingTimers();
            CompletableFuture<List<RemoteSocket>> found = a.io.timeout(300).fetchSockets().toCompletableFuture();
            Eventually.until("the request sent", () -> a.clock.pendingTimers() > timers);
            a.clock.advance(299);
            assertFalse(found.isDone());
            a.clock.advance(1);
            ExecutionException e = assertThrows(ExecutionException.class, () -> found.get(5, SECONDS));
            ClusterTimeoutException timeout = assertInstanceOf(ClusterTimeoutException.class, e.getCause());
            assertTrue(timeout.responses().contains(socketOnA), "this node's sockets: " + timeout.responses());
        }
    }

    @Test
    void whileRedisIsDownLocalDeliveryGoesOnAndClusterOperationsFailFastThenWorkAgain() throws Exception {
        redis.stop();
        Eventually.until("a to notice", () -> serverCountFails(a));
        int ma = onA.mark();
        // kept, sent once Redis is back: to a room that only a's socket is in, so that b's marks below do not depend
        // on whether b subscribed again before a sent them
        socketOnA.join("only a");
        a.io.to("only a").emit("still here");
        a.io.to("only a").emit("and here");
        assertEquals(List.of("42[\"still here\"]", "42[\"and here\"]"), onA.textsSince(ma));

        ExecutionException fetch = assertThrows(ExecutionException.class,
                () -> a.io.fetchSockets().toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, fetch.getCause());
        ExecutionException emit = assertThrows(ExecutionException.class,
                () -> a.io.serverSideEmitWithAck(5000, "ping").toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, emit.getCause());
        CompletableFuture<List<Object>> acks = a.io.timeout(5000).emitWithAck("local acks").toCompletableFuture();
        onA.send("43" + ackIdOf(onA.lastText()) + "[\"only a\"]");
        assertEquals(List.of("only a"), acks.get(1, SECONDS), "the other node is not counted while Redis is down");

        redis.startAgain();
        awaitServerCount(2, a, b);
        int mb = onB.mark();
        a.io.emit("back");
        awaitTexts(onB, mb, "42[\"back\"]");
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
            Socket socketOnC = c.io.sockets().sockets().get(onC.connectTo("/"));
            int mc = onC.mark();
            socketOnC.join("only c"); // what c broadcasts now is kept: b may or may not get it, and has no socket there
            c.io.to("only c").emit("alone");
            assertEquals(List.of("42[\"alone\"]"), onC.textsSince(mc));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> c.io.fetchSockets().toCompletableFuture().get(1, SECONDS));
            assertInstanceOf(RedisUnavailableException.class, e.getCause());

            redis.startAgain();
            awaitServerCount(3, a, b, c);
            int mb = onB.mark();
            c.io.emit("joined");
            awaitTexts(onB, mb, "42[\"joined\"]");
        } finally {
            c.io.close();
        }
    }

    @Test
    void messagesThatAreNotInTheReferencesFormatAreIgnored() {
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            byte[][] broadcasts = {
                    {(byte) 0xc1}, // never used in MessagePack
                    {(byte) 0xa2, 'h', 'i'}, // a string, not [uid, packet, opts]
                    {(byte) 0x92, (byte) 0xa1, 'x', (byte) 0x80}, // a packet without data
                    {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // an array of 2^31 - 1 items, none there
                    {(byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // a 2 GB bin, not there
                    {},
            };
            for (byte[] garbage : broadcasts) probe.publish("socket.io#/#", garbage);
            for (String garbage : List.of("{not json", "{\"type\":99}", "{\"type\":\"x\"}", "{\"type\":5}",
                    "{\"type\":6,\"data\":[]}", "{\"type\":2,\"opts\":[1]}", "[1,2]", "{\"type\":7,\"requestId\":\"r\"}")) {
                probe.publish(REQUESTS, garbage);
            }
            probe.publish("socket.io-response#/#", "{\"requestId\":1}");
            probe.publish("socket.io-response#/#", "\"just a string\"".getBytes(StandardCharsets.UTF_8));
        }
        int mb = onB.mark();
        a.io.emit("still working");
        awaitTexts(onB, mb, "42[\"still working\"]");
        assertTrue(socketOnB.connected());
    }

}
