package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.redis.RedisAdapterOptions;
import dev.tidewire.internal.redis.RedisStreamsOptions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AdapterOptionsReader} over servlet context parameters: the in-memory adapter unless {@code redis} or
 * {@code redis-streams} is asked for, the Redis keys with the reference's defaults, and a clear stop for an unknown
 * adapter or a bad value.
 */
class AdapterOptionsReaderTest {
    private final Map<String, String> params = new HashMap<>();

    private Optional<AdapterOptionsReader.Choice> read() {
        return AdapterOptionsReader.read(ContextParameters.settingsOf(params));
    }

    private RedisAdapterOptions readRedis() {
        return assertInstanceOf(AdapterOptionsReader.Redis.class, read().orElseThrow()).options();
    }

    private RedisStreamsOptions readRedisStreams() {
        return assertInstanceOf(AdapterOptionsReader.RedisStreams.class, read().orElseThrow()).options();
    }

    private void given(String key, String value) {
        params.put("tidewire." + key, value);
    }

    @Test
    void theInMemoryAdapterUnlessRedisIsAskedFor() {
        assertEquals(Optional.empty(), read());
        given("redis.uri", "redis://cache:6380"); // read only with tidewire.adapter=redis
        given("adapter", "memory");
        assertEquals(Optional.empty(), read());
    }

    @Test
    void redisAloneHasTheReferenceDefaults() {
        given("adapter", " redis ");
        RedisAdapterOptions options = readRedis();
        assertEquals(RedisAdapterOptions.defaults(), options);
        assertEquals("redis://localhost:6379", options.uri());
        assertEquals("socket.io", options.key());
        assertEquals(5000, options.requestsTimeoutMillis());
    }

    @Test
    void everyRedisKeyIsRead() {
        given("adapter", "redis");
        given("redis.uri", "redis://:secret@cache.internal:6380/2");
        given("redis.key", "chat");
        given("redis.requestsTimeout", "1e4");
        given("redis.publishOnSpecificResponseChannel", "true");
        RedisAdapterOptions options = readRedis();
        assertEquals(new RedisAdapterOptions("redis://:secret@cache.internal:6380/2", "chat", 10_000, true), options);
        assertEquals("redis://cache.internal:6380/2", options.redactedUri(), "no password in the logs");
    }

    @Test
    void redisStreamsAloneHasTheReferenceDefaults() {
        given("adapter", "redis-streams");
        given("redis.key", "ignored"); // the classic adapter's only
        RedisStreamsOptions options = readRedisStreams();
        assertEquals(RedisStreamsOptions.defaults(), options);
        assertEquals("redis://localhost:6379", options.uri());
        assertEquals("socket.io", options.streamName());
        assertEquals("socket.io", options.channelPrefix());
        assertEquals(10_000, options.maxLen());
        assertEquals(100, options.readCount());
        assertEquals("sio:session:", options.sessionKeyPrefix());
        assertEquals(5000, options.requestsTimeoutMillis());
    }

    @Test
    void everyRedisStreamsKeyIsRead() {
        given("adapter", "redis-streams");
        given("redis.uri", "redis://:secret@cache.internal:6380/2");
        given("redis.streamName", "chat-stream");
        given("redis.maxLen", "500");
        given("redis.requestsTimeout", "2000");
        given("redis.channelPrefix", "chat");
        RedisStreamsOptions options = readRedisStreams();
        assertEquals(RedisStreamsOptions.defaults().withUri("redis://:secret@cache.internal:6380/2")
                .withStreamName("chat-stream").withMaxLen(500).withRequestsTimeout(2000).withChannelPrefix("chat"),
                options);
        assertEquals("redis://cache.internal:6380/2", options.redactedUri(), "no password in the logs");
    }

    @Test
    void aBadRedisStreamsValueStopsWithItsKey() {
        given("adapter", "redis-streams");
        given("redis.maxLen", "0");
        IllegalArgumentException maxLen = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(maxLen.getMessage().contains("tidewire.redis.maxLen"), maxLen.getMessage());
        params.remove("tidewire.redis.maxLen");
        given("redis.uri", "http://cache:6379");
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(uri.getMessage().contains("tidewire.redis.uri"), uri.getMessage());
    }

    @Test
    void anUnknownAdapterStopsAndNamesTheChoices() {
        given("adapter", "kafka");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(e.getMessage().contains("tidewire.adapter must be memory, redis or redis-streams, was: kafka"),
                e.getMessage());
    }

    @Test
    void aBadRedisValueStopsWithItsKey() {
        given("adapter", "redis");
        given("redis.uri", "http://cache:6379");
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(uri.getMessage().contains("tidewire.redis.uri"), uri.getMessage());
        assertTrue(uri.getMessage().contains("http://cache:6379"), uri.getMessage());
        params.remove("tidewire.redis.uri");
        given("redis.requestsTimeout", "0");
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(timeout.getMessage().contains("tidewire.redis.requestsTimeout must be positive"), timeout.getMessage());
        params.remove("tidewire.redis.requestsTimeout");
        given("redis.publishOnSpecificResponseChannel", "yes");
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class, this::read);
        assertTrue(flag.getMessage().contains("tidewire.redis.publishOnSpecificResponseChannel must be true or false"),
                flag.getMessage());
    }
}
