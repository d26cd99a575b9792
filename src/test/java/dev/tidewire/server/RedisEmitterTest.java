package dev.tidewire.server;

import dev.tidewire.emitter.EmitterOperator;
import dev.tidewire.emitter.EmitterProbe;
import dev.tidewire.emitter.RedisEmitter;
import dev.tidewire.internal.redis.Eventually;
import dev.tidewire.internal.redis.RedisAdapterFactory;
import dev.tidewire.internal.redis.RedisAdapterOptions;
import dev.tidewire.internal.redis.RedisProbe;
import dev.tidewire.internal.redis.RedisServer;
import dev.tidewire.internal.redis.RedisUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link RedisEmitter} beside a Tidewire node with the Redis adapter, on one real {@code redis-server}: what it
 * sends reaches the node's sockets and server-side handlers. Two fake clients: one in room {@code news}, one not.
 * That nothing else arrived is shown by a marker emitted last (Redis keeps one publisher's messages in order).
 */
class RedisEmitterTest {
    private final RedisServer redis = RedisServer.start();
    private final SioTestServer server = new SioTestServer(SocketIoOptions.defaults().withAdapterFactory(
            new RedisAdapterFactory(RedisAdapterOptions.defaults().withUri(redis.uri()))));
    private final SioTestServer.Peer inNews = server.connect();
    private final SioTestServer.Peer notInNews = server.connect();
    private final Socket newsSocket;
    private final Socket otherSocket;
    private final RedisEmitter emitter = new RedisEmitter(redis.uri());

    RedisEmitterTest() {
        newsSocket = server.io.sockets().sockets().get(inNews.connectTo("/"));
        otherSocket = server.io.sockets().sockets().get(notInNews.connectTo("/"));
        newsSocket.join("news");
        awaitSubscribed("/");
    }

    @AfterEach
    void stop() {
        emitter.close();
        server.io.close();
        redis.close();
    }

    @Test
    void anEmitReachesEverySocketOfTheNamespace() throws Exception {
        int mn = inNews.mark();
        int mo = notInNews.mark();
        done(emitter.emit("hello", 1, Map.of("k", "v"), List.of(true, 2.5), null));
        awaitTexts(inNews, mn, "42[\"hello\",1,{\"k\":\"v\"},[true,2.5],null]");
        awaitTexts(notInNews, mo, "42[\"hello\",1,{\"k\":\"v\"},[true,2.5],null]");
    }

    @Test
    void roomsAndExclusionsChooseTheSockets() throws Exception {
        int mn = inNews.mark();
        int mo = notInNews.mark();
        done(emitter.to("news").emit("headline")); // one room: on the room's own channel
        done(emitter.in("news", "nobody").emit("digest")); // several: on the namespace's channel
        done(emitter.except("news").emit("others"));
        done(emitter.to("news").except("news").emit("nobody"));
        done(emitter.emit("marker"));
        awaitTexts(inNews, mn, "42[\"headline\"]", "42[\"digest\"]", "42[\"marker\"]");
        awaitTexts(notInNews, mo, "42[\"others\"]", "42[\"marker\"]");
    }

    @Test
    void operatorsAreImmutable() throws Exception {
        EmitterOperator toNews = emitter.to("news");
        toNews.except("news");
        toNews.to("nobody");
        toNews.asVolatile().compress(false);
        int mn = inNews.mark();
        int mo = notInNews.mark();
        done(toNews.emit("still to news")); // still a one-room broadcast, to news
        done(emitter.emit("marker"));
        awaitTexts(inNews, mn, "42[\"still to news\"]", "42[\"marker\"]");
        awaitTexts(notInNews, mo, "42[\"marker\"]");
    }

    @Test
    void aVolatileOrCompressedEmitStillReachesAReadyClient() throws Exception {
        int mn = inNews.mark();
        done(emitter.asVolatile().compress(true).to("news").emit("flagged"));
        awaitTexts(inNews, mn, "42[\"flagged\"]");
    }

    @Test
    void ofChoosesAnotherNamespace() throws Exception {
        server.io.of("/chat");
        SioTestServer.Peer inChat = server.connect();
        inChat.connectTo("/chat");
        awaitSubscribed("/chat");
        RedisEmitter chat = emitter.of("chat");
        assertEquals("/chat", chat.namespace());
        assertEquals("/", emitter.namespace(), "of returns another emitter");
        int mc = inChat.mark();
        int mn = inNews.mark();
        done(chat.emit("hi", "chat"));
        done(emitter.emit("marker"));
        awaitTexts(inChat, mc, "42/chat,[\"hi\",\"chat\"]");
        awaitTexts(inNews, mn, "42[\"marker\"]");
    }

    @Test
    void binaryArgumentsReachTheClientAsBinary() throws Exception {
        int mn = inNews.mark();
        done(emitter.to("news").emit("file", new byte[]{1, 2, 3}, "name"));
        Eventually.until("the binary event", () -> inNews.framesSince(mn).size() == 2);
        List<Object> frames = inNews.framesSince(mn);
        assertEquals("451-[\"file\",{\"_placeholder\":true,\"num\":0},\"name\"]", frames.get(0));
        assertArrayEquals(new byte[]{1, 2, 3}, (byte[]) frames.get(1));
    }

    @Test
    void socketsJoinLeaveAndDisconnectReachTheNodesSockets() throws Exception {
        done(emitter.socketsJoin("all", "everyone"));
        Eventually.until("both sockets in all and everyone", () -> newsSocket.rooms().containsAll(Set.of("all",
                "everyone")) && otherSocket.rooms().containsAll(Set.of("all", "everyone")));
        done(emitter.in("news").socketsLeave("all"));
        Eventually.until("the news socket out of all", () -> !newsSocket.rooms().contains("all"));
        assertTrue(otherSocket.rooms().contains("all"));
        int mo = notInNews.mark();
        done(emitter.to("all").disconnectSockets(false));
        awaitTexts(notInNews, mo, "41");
        // the DISCONNECT goes out as the socket leaves; its state may settle a moment after the packet is read
        Eventually.until("the other socket disconnected", () -> !otherSocket.connected());
        assertTrue(newsSocket.connected());
        done(emitter.disconnectSockets(true));
        Eventually.until("the news socket's connection closed", inNews::isClosed);
    }

    @Test
    void serverSideEmitReachesTheNodesHandlers() throws Exception {
        List<List<Object>> heard = Collections.synchronizedList(new ArrayList<>());
        server.io.onServerSideEmit("ping", (args, ack) -> heard.add(args));
        done(emitter.serverSideEmit("ping", 1, "two", Map.of("three", List.of(3))));
        Eventually.until("the handler called", () -> heard.size() == 1);
        assertEquals(List.of(1L, "two", Map.of("three", List.of(3L))), heard.get(0));
    }

    @Test
    void reservedNamesAndValuesThatAreNotJsonAreRefused() {
        for (String reserved : List.of("connect", "connect_error", "disconnect", "disconnecting", "newListener",
                "removeListener")) {
            assertThrows(IllegalArgumentException.class, () -> emitter.emit(reserved), reserved);
            assertThrows(IllegalArgumentException.class, () -> emitter.to("news").emit(reserved), reserved);
        }
        assertThrows(IllegalArgumentException.class, () -> emitter.emit(null));
        assertThrows(IllegalArgumentException.class, () -> emitter.emit("x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> emitter.emit("x", List.of(new StringBuilder("no"))));
        Map<Object, Object> numberKey = new HashMap<>();
        numberKey.put(1, "one");
        assertThrows(IllegalArgumentException.class, () -> emitter.emit("x", numberKey));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> emitter.emit("x", cyclic));
        assertThrows(IllegalArgumentException.class, () -> emitter.to("news", null));
        assertThrows(IllegalArgumentException.class, () -> emitter.socketsJoin((String) null));
        assertThrows(IllegalArgumentException.class, () -> emitter.of(null));
    }

    @Test
    void anAckCallbackIsRefused() {
        Ack ack = args -> { };
        Consumer<Object> callback = answer -> { };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emitter.emit("q", 1, ack));
        assertTrue(e.getMessage().contains("acknowledgement"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> emitter.to("news").emit("q", callback));
        assertThrows(IllegalArgumentException.class, () -> emitter.serverSideEmit("q", callback));
    }

    @Test
    void whatIsEmittedRightAfterCreationWaitsForTheConnectionAndKeepsItsOrder() throws Exception {
        int mn = inNews.mark();
        try (RedisEmitter fresh = new RedisEmitter(redis.uri())) {
            CompletionStage<Void> first = fresh.to("news").emit("first");
            CompletionStage<Void> second = fresh.to("news").emit("second");
            CompletionStage<Void> third = fresh.to("news").emit("third");
            done(first);
            done(second);
            done(third);
        }
        awaitTexts(inNews, mn, "42[\"first\"]", "42[\"second\"]", "42[\"third\"]");
    }

    @Test
    void whileRedisIsDownEmitsAreKeptAndSentOnceItIsBack() throws Exception {
        redis.stop();
        Eventually.until("the emitter to notice", () -> !EmitterProbe.connected(emitter));
        // to rooms nobody is in: the node may subscribe again before or after the emitter sends what it kept
        CompletionStage<Void> emit = emitter.to("nobody").emit("kept");
        CompletionStage<Void> join = emitter.in("nobody").socketsJoin("room");
        assertFalse(emit.toCompletableFuture().isDone() || join.toCompletableFuture().isDone(), "kept, not failed");

        redis.startAgain();
        done(emit);
        done(join);
        awaitSubscribed("/");
        int mn = inNews.mark();
        done(emitter.to("news").emit("back"));
        awaitTexts(inNews, mn, "42[\"back\"]");
    }

    @Test
    void anEmitterCreatedWhileRedisIsDownKeepsItsEmitsUntilItConnects() throws Exception {
        redis.stop();
        try (RedisEmitter early = new RedisEmitter(redis.uri())) {
            CompletionStage<Void> emit = early.to("nobody").emit("kept");
            assertFalse(EmitterProbe.connected(early));
            assertFalse(emit.toCompletableFuture().isDone(), "kept, not failed");
            redis.startAgain();
            done(emit);
            awaitSubscribed("/");
            int mn = inNews.mark();
            done(early.to("news").emit("late"));
            awaitTexts(inNews, mn, "42[\"late\"]");
        }
    }

    @Test
    void whileRedisIsDownEmitsBeyondTheBoundFail() {
        // the bound (10 000 writes or 16 MiB) is tested on the link itself; one emit larger than 16 MiB shows it here
        redis.stop();
        Eventually.until("the emitter to notice", () -> !EmitterProbe.connected(emitter));
        ExecutionException e = assertThrows(ExecutionException.class, () -> emitter.to("nobody")
                .emit("big", "x".repeat(17 << 20)).toCompletableFuture().get(5, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, e.getCause());
    }

    @Test
    void closingStopsTheEmittersDaemonThreadsAndRefusesFurtherUse() throws Exception {
        Set<Thread> before = redisThreads();
        RedisEmitter other = new RedisEmitter(redis.uri());
        done(other.emit("marker"));
        Set<Thread> own = redisThreads();
        own.removeAll(before);
        assertFalse(own.isEmpty(), "the emitter has threads of its own");
        assertTrue(own.stream().allMatch(Thread::isDaemon), own.toString());
        other.close();
        Eventually.until("its threads ended", () -> own.stream().noneMatch(Thread::isAlive));
        assertThrows(IllegalStateException.class, () -> other.emit("closed"));
        assertThrows(IllegalArgumentException.class, () -> new RedisEmitter("not a uri"));
        assertThrows(IllegalArgumentException.class, () -> new RedisEmitter(redis.uri(), ""));
    }

    // ---------------------------------------------------------------- helpers

    private static Set<Thread> redisThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tidewire-redis"))
                .collect(Collectors.toSet());
    }

    /** Waits until the node listens to the namespace (its request channel is subscribed last). */
    private void awaitSubscribed(String namespace) {
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            Eventually.until("the node subscribed to " + namespace,
                    () -> probe.subscriberCount("socket.io-request#" + namespace + "#") == 1);
        }
    }

    private static void done(CompletionStage<Void> published) throws Exception {
        published.toCompletableFuture().get(5, SECONDS);
    }

    private static void awaitTexts(SioTestServer.Peer peer, int mark, String... expected) {
        Eventually.until(expected.length + " frames", () -> peer.textsSince(mark).size() >= expected.length);
        assertEquals(List.of(expected), peer.textsSince(mark));
    }
}
