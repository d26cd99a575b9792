package dev.tidewire.internal.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain Redis client beside the nodes under test: publishes raw bytes on their channels (what another node or a
 * broken one could send), and listens without ever answering (a node that is subscribed but silent), keeping what
 * it hears.
 */
public final class RedisProbe implements AutoCloseable {
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> commands;
    private final StatefulRedisPubSubConnection<String, byte[]> pubSub;
    private final List<Heard> heard = new ArrayList<>();

    /** A message as the probe heard it. */
    public record Heard(String channel, byte[] message) {
        public String text() {
            return new String(message, StandardCharsets.UTF_8);
        }
    }

    public RedisProbe(String uri) {
        client = RedisClient.create(uri);
        commands = client.connect(CODEC);
        pubSub = client.connectPubSub(CODEC);
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                keep(channel, message);
            }

            @Override
            public void message(String pattern, String channel, byte[] message) {
                keep(channel, message);
            }
        });
    }

    private synchronized void keep(String channel, byte[] message) {
        heard.add(new Heard(channel, message));
    }

    /** @return how many subscribers got it */
    public long publish(String channel, byte[] message) {
        return commands.sync().publish(channel, message);
    }

    public long publish(String channel, String text) {
        return publish(channel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** How many connections listen to {@code channel} (a node's request channel: whether it has subscribed). */
    public long subscriberCount(String channel) {
        Long count = commands.sync().pubsubNumsub(channel).get(channel);
        return count == null ? 0 : count;
    }

    /** Adds an entry to a stream, as any node (or a broken one) could; returns its id. */
    public String xadd(String stream, Map<String, String> fields) {
        Map<String, byte[]> body = new LinkedHashMap<>();
        fields.forEach((k, v) -> body.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return commands.sync().xadd(stream, body);
    }

    /** The whole list at {@code key}, as text. */
    public List<String> lrange(String key) {
        return commands.sync().lrange(key, 0, -1).stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    public long xlen(String stream) {
        return commands.sync().xlen(stream);
    }

    /** The value of a key, or null. */
    public byte[] get(String key) {
        return commands.sync().get(key);
    }

    public void set(String key, byte[] value) {
        commands.sync().set(key, value);
    }

    /** The key's time to live in milliseconds (-2: no such key, -1: none). */
    public long pttl(String key) {
        return commands.sync().pttl(key);
    }

    public void subscribe(String... channels) {
        pubSub.sync().subscribe(channels);
    }

    public void psubscribe(String... patterns) {
        pubSub.sync().psubscribe(patterns);
    }

    public synchronized List<Heard> heard() {
        return List.copyOf(heard);
    }

    public synchronized List<Heard> heardOn(String channel) {
        return heard.stream().filter(h -> h.channel().equals(channel)).toList();
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
