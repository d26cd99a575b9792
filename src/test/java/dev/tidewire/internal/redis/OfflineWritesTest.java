package dev.tidewire.internal.redis;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RedisLink}'s fire-and-forget writes on a real {@code redis-server} that stops and starts again on the same
 * port (empty): kept while the command connection is down, bounded, sent in order once it is back; requests still
 * fail at once. The writes are RPUSHes to one list, so that their order in Redis shows.
 */
class OfflineWritesTest {
    private final RedisServer redis = RedisServer.start();
    private RedisLink link;

    @AfterEach
    void stop() {
        if (link != null) link.close();
        redis.close();
    }

    private RedisLink link() {
        return new RedisLink(RedisURI.create(redis.uri()), redis.uri(), 2000, false, 1);
    }

    private RedisLink connectedLink() {
        RedisLink l = link();
        Eventually.until("the link connected", l::commandsConnected);
        return l;
    }

    private void stopRedis() {
        redis.stop();
        Eventually.until("the link to notice", () -> !link.commandsConnected());
    }

    private CompletableFuture<Long> push(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return link.keep(c -> c.rpush("list", bytes), bytes.length).toCompletableFuture();
    }

    private List<String> list() {
        try (RedisProbe probe = new RedisProbe(redis.uri())) {
            return probe.lrange("list");
        }
    }

    @Test
    void writesKeptWhileRedisIsDownAreSentInOrderOnceItIsBack() throws Exception {
        link = connectedLink();
        push("before").get(5, SECONDS);
        stopRedis();
        List<CompletableFuture<Long>> kept = List.of(push("1"), push("2"), push("3"));
        CompletableFuture<Void> published = link.publishKept("channel", new byte[] {1}).toCompletableFuture();
        CompletableFuture<Long> last = push("4");
        assertFalse(kept.get(0).isDone() || published.isDone() || last.isDone(), "kept, not failed");

        redis.startAgain(); // empty: only what was kept lands
        for (CompletableFuture<Long> write : kept) write.get(5, SECONDS);
        published.get(5, SECONDS);
        assertEquals(4L, last.get(5, SECONDS), "the fourth element of the list");
        assertEquals(List.of("1", "2", "3", "4"), list());
        push("after").get(5, SECONDS);
        assertEquals(List.of("1", "2", "3", "4", "after"), list());
    }

    /** Each write says whether it was kept: the streams adapter then gives its broadcast no offset rather than wait. */
    @Test
    void eachWriteTellsWhetherItWasKeptForLater() throws Exception {
        link = connectedLink();
        byte[] one = {1};
        OfflineWrites.KeptOrSent<Long> sent = link.keepOrSend(c -> c.rpush("list", one), 1);
        assertFalse(sent.kept());
        assertEquals(1L, sent.done().toCompletableFuture().get(5, SECONDS));
        stopRedis();
        OfflineWrites.KeptOrSent<Long> kept = link.keepOrSend(c -> c.rpush("list", one), 1);
        assertTrue(kept.kept());
        assertFalse(kept.done().toCompletableFuture().isDone());
        redis.startAgain();
        assertEquals(1L, kept.done().toCompletableFuture().get(5, SECONDS), "sent to the empty Redis started again");
    }

    @Test
    void writesMadeBeforeTheFirstConnectionAreSentOnceConnected() throws Exception {
        redis.stop();
        link = link();
        CompletableFuture<Long> first = push("1");
        CompletableFuture<Long> second = push("2");
        assertFalse(first.isDone());

        redis.startAgain();
        first.get(5, SECONDS);
        second.get(5, SECONDS);
        assertEquals(List.of("1", "2"), list());
    }

    @Test
    void beyondTheBoundNewWritesAreRefusedAndTheKeptOnesStillGoOut() throws Exception {
        link = connectedLink();
        link.boundOfflineWrites(2, 1 << 20);
        stopRedis();
        CompletableFuture<Long> first = push("1");
        CompletableFuture<Long> second = push("2");
        ExecutionException over = assertThrows(ExecutionException.class, () -> push("3").get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, over.getCause());

        redis.startAgain();
        first.get(5, SECONDS);
        second.get(5, SECONDS);
        assertEquals(List.of("1", "2"), list());
    }

    @Test
    void theBoundCountsBytesToo() throws Exception {
        link = connectedLink();
        link.boundOfflineWrites(100, 6);
        stopRedis();
        CompletableFuture<Long> first = push("12345");
        ExecutionException over = assertThrows(ExecutionException.class, () -> push("67").get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, over.getCause());
        CompletableFuture<Long> small = push("8");

        redis.startAgain();
        first.get(5, SECONDS);
        small.get(5, SECONDS);
        assertEquals(List.of("12345", "8"), list());
    }

    @Test
    void requestsStillFailAtOnceWhileWritesAreKept() throws Exception {
        link = connectedLink();
        stopRedis();
        CompletableFuture<Long> kept = push("1");
        ExecutionException count = assertThrows(ExecutionException.class,
                () -> link.subscriberCount("channel").toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, count.getCause());
        ExecutionException get = assertThrows(ExecutionException.class,
                () -> link.command(c -> c.get("key")).toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, get.getCause());
        ExecutionException publish = assertThrows(ExecutionException.class,
                () -> link.publish("channel", new byte[] {1}).toCompletableFuture().get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, publish.getCause());
        assertFalse(kept.isDone());

        redis.startAgain();
        kept.get(5, SECONDS);
    }

    @Test
    void closingTheLinkFailsWhatIsStillKept() {
        link = connectedLink();
        stopRedis();
        CompletableFuture<Long> kept = push("1");
        link.close();
        ExecutionException closed = assertThrows(ExecutionException.class, () -> kept.get(5, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, closed.getCause());
        ExecutionException after = assertThrows(ExecutionException.class, () -> push("2").get(1, SECONDS));
        assertInstanceOf(RedisUnavailableException.class, after.getCause());
    }
}
