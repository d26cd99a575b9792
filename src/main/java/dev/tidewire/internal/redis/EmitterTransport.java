package dev.tidewire.internal.redis;

import dev.tidewire.server.cluster.ClusterMessage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The messages of the reference's {@code @socket.io/redis-emitter} 5.1, published on a link of their own: a
 * broadcast is MessagePack {@code ["emitter", {type: 2, data, nsp}, {rooms, flags, except}]} on the namespace's
 * broadcast channel (or on the room's own channel when it targets exactly one room); the other operations are JSON
 * requests on the namespace's request channel, which the nodes' adapters carry out ({@link RequestAnswers} here).
 * The emitter is no node: it subscribes to nothing, so it can neither be counted nor answered.
 * <p>
 * Public for {@code dev.tidewire.emitter}, the API over it; not meant for applications.
 */
public final class EmitterTransport implements AutoCloseable {
    /** The uid of every emitter's messages, as the reference writes it; a node never takes it for its own. */
    static final String UID = "emitter";

    private final RedisLink link;
    private final String key;
    private volatile boolean closed;

    /**
     * Starts connecting at once, in the background; what is published before the connection is up is kept by the
     * link and sent, in order, once it is.
     *
     * @throws IllegalArgumentException when the URI is not a Redis URI or the key is empty
     */
    public EmitterTransport(String redisUri, String key) {
        // the adapter's options check the URI and key as the adapter would, and give the command timeout
        RedisAdapterOptions options = RedisAdapterOptions.defaults().withUri(redisUri).withKey(key);
        this.key = key;
        this.link = new RedisLink(options, false);
    }

    public CompletionStage<Void> emit(String namespace, List<String> rooms, List<String> except,
                                      Map<String, Boolean> flags, String event, Object[] args) {
        List<Object> data = EmitterArguments.clientEvent(event, args);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rooms", rooms);
        options.put("flags", flags);
        options.put("except", except);
        byte[] message = MsgPackCodec.encode(List.of(UID, ClusterMessage.eventPacket(data, namespace), options));
        return publish(channels(namespace).broadcastTo(new LinkedHashSet<>(rooms)), message);
    }

    public CompletionStage<Void> socketsJoin(String namespace, List<String> rooms, List<String> except,
                                             List<String> joined) {
        return roomChange(RequestType.REMOTE_JOIN, namespace, rooms, except, joined);
    }

    public CompletionStage<Void> socketsLeave(String namespace, List<String> rooms, List<String> except,
                                              List<String> left) {
        return roomChange(RequestType.REMOTE_LEAVE, namespace, rooms, except, left);
    }

    private CompletionStage<Void> roomChange(RequestType type, String namespace, List<String> rooms,
                                             List<String> except, List<String> changed) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type.code());
        request.put("opts", targets(rooms, except));
        request.put("rooms", changed);
        return publish(channels(namespace).request(), JsonCodec.encode(request));
    }

    public CompletionStage<Void> disconnectSockets(String namespace, List<String> rooms, List<String> except,
                                                   boolean close) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", RequestType.REMOTE_DISCONNECT.code());
        request.put("opts", targets(rooms, except));
        request.put("close", close);
        return publish(channels(namespace).request(), JsonCodec.encode(request));
    }

    /** To the servers' own handlers; the reference checks no reserved name here, and only this request has a uid. */
    public CompletionStage<Void> serverSideEmit(String namespace, String event, Object[] args) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", UID);
        request.put("type", RequestType.SERVER_SIDE_EMIT.code());
        request.put("data", EmitterArguments.eventData(event, args));
        return publish(channels(namespace).request(), JsonCodec.encode(request));
    }

    /** @throws IllegalArgumentException when a room name is {@code null} */
    public static List<String> rooms(String... rooms) {
        return EmitterArguments.rooms(rooms);
    }

    private static Map<String, Object> targets(List<String> rooms, List<String> except) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rooms", rooms);
        opts.put("except", except);
        return opts;
    }

    private RedisChannels channels(String namespace) {
        return RedisChannels.of(key, namespace);
    }

    private CompletionStage<Void> publish(String channel, byte[] message) {
        if (closed) throw new IllegalStateException("the emitter is closed");
        return link.publishKept(channel, message);
    }

    /** Whether the connection to Redis is up, as far as the client knows: for tests. */
    public boolean connected() {
        return link.commandsConnected();
    }

    /** Closes the connection and stops its threads; waits for them a few seconds at most. */
    @Override
    public void close() {
        closed = true;
        link.close();
    }
}
