package dev.tidewire.internal.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The channels and patterns the namespaces of this node listen to on the shared pub/sub connection, and who gets
 * their messages. Lettuce calls it on its I/O thread: a handler only hands the message on, and nothing it throws
 * gets back to Lettuce.
 */
final class Subscriptions extends RedisPubSubAdapter<String, byte[]> {
    private final ConcurrentHashMap<String, Consumer<byte[]>> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Consumer<byte[]>> patterns = new ConcurrentHashMap<>();

    void addChannel(String channel, Consumer<byte[]> handler) {
        add(channels, channel, handler);
    }

    void addPattern(String pattern, Consumer<byte[]> handler) {
        add(patterns, pattern, handler);
    }

    private static void add(ConcurrentHashMap<String, Consumer<byte[]>> map, String name, Consumer<byte[]> handler) {
        if (map.putIfAbsent(name, handler) != null) {
            throw new IllegalStateException(name + " has a listener already: give each server its own "
                    + "RedisAdapterFactory");
        }
    }

    void removeChannel(String channel) {
        channels.remove(channel);
    }

    void removePattern(String pattern) {
        patterns.remove(pattern);
    }

    Set<String> channels() {
        return Set.copyOf(channels.keySet());
    }

    Set<String> patterns() {
        return Set.copyOf(patterns.keySet());
    }

    @Override
    public void message(String channel, byte[] message) {
        deliver(channels.get(channel), channel, message);
    }

    @Override
    public void message(String pattern, String channel, byte[] message) {
        deliver(patterns.get(pattern), channel, message);
    }

    private static void deliver(Consumer<byte[]> handler, String channel, byte[] message) {
        if (handler == null || message == null) return; // unsubscribed meanwhile
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            Reachability.LOG.log(Level.WARNING, "a message on " + channel + " could not be handled", e);
        }
    }
}
