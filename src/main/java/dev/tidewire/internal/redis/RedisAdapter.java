package dev.tidewire.internal.redis;

import dev.tidewire.server.Adapter;
import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.LocalNamespace;
import dev.tidewire.server.RemoteSocket;
import dev.tidewire.server.cluster.ClusterMessage;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static dev.tidewire.internal.redis.WireShapes.string;

/**
 * A namespace's adapter over Redis pub/sub, speaking the reference's {@code @socket.io/redis-adapter} 8 protocol, so
 * that Tidewire and Node nodes can share one cluster: each operation runs on this node and, unless
 * {@link BroadcastOptions#local()}, is published for the others; requests count the other nodes with
 * {@code PUBSUB NUMSUB} on the request channel and wait for that many answers.
 * <p>
 * What arrives is handled one message at a time, in order, in the namespace's in-order executor; so are the
 * completions of the stages returned here. A message that is not in the reference's format is logged and ignored.
 */
final class RedisAdapter implements Adapter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final LocalNamespace local;
    private final RedisLink link;
    private final long requestsTimeoutMillis;
    private final RedisChannels channels;
    /** This node's id in the namespace's messages; never the emitter's ("emitter"). */
    private final String uid = randomId(6);
    private final Publisher publisher;
    private final RequestAnswers answers;
    private final Map<String, PendingRequest<?>> requests = new ConcurrentHashMap<>();
    private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RedisAdapter(LocalNamespace local, RedisAdapterOptions options, RedisLink link) {
        this.local = local;
        this.link = link;
        this.requestsTimeoutMillis = options.requestsTimeoutMillis();
        this.channels = RedisChannels.of(options.key(), local.name());
        this.publisher = new Publisher(link, channels, options);
        this.answers = new RequestAnswers(local, uid, publisher, requestsTimeoutMillis);
    }

    String uid() {
        return uid;
    }

    static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        return id.toString();
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void init() {
        // the request channel last: once the other nodes count this one there, it hears everything else too
        // a broadcast only writes to clients (one with acks comes as a request), so its writes may be batched
        link.subscribePattern(channels.broadcastPattern(),
                message -> received("broadcast", message, this::onBroadcast, local.inOrderBroadcasts()));
        link.subscribe(channels.response(), message -> received("response", message, this::onResponse, local.inOrder()));
        link.subscribe(channels.responseTo(uid),
                message -> received("response", message, this::onResponse, local.inOrder()));
        link.subscribe(channels.request(), message -> received("request", message, answers::onRequest, local.inOrder()));
    }

    @Override
    public void close() {
        closed = true;
        link.unsubscribePattern(channels.broadcastPattern());
        link.unsubscribe(channels.request());
        link.unsubscribe(channels.response());
        link.unsubscribe(channels.responseTo(uid));
    }

    // ---------------------------------------------------------------- operations

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        if (!options.local()) {
            List<Object> message = List.of(uid, ClusterMessage.eventPacket(local.toJsonValues(data), local.name()),
                    options.toWire());
            publisher.keep(channels.broadcastTo(options.rooms()), MsgPackCodec.encode(message), "broadcast");
        }
        local.broadcast(data, options);
    }

    @Override
    public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                 Consumer<Object> ack) {
        if (!options.local()) {
            String requestId = randomId(10);
            ackRequests.put(requestId, new AckRequest(clientCount, ack));
            // nothing tells when every client of every node has answered: the entry goes after the time limit
            local.schedule(() -> ackRequests.remove(requestId), timeoutOf(options));
            Map<String, Object> request = request(RequestType.BROADCAST, requestId);
            request.put("packet", ClusterMessage.eventPacket(local.toJsonValues(data), local.name()));
            request.put("opts", options.toWire());
            publisher.publish(channels.request(), MsgPackCodec.encode(request), "broadcast with acks");
        }
        local.broadcastWithAck(data, options, clientCount, ack);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.local()) publishRoomChange(RequestType.REMOTE_JOIN, options, rooms);
        local.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.local()) publishRoomChange(RequestType.REMOTE_LEAVE, options, rooms);
        local.delSockets(options, rooms);
    }

    private void publishRoomChange(RequestType type, BroadcastOptions options, Set<String> rooms) {
        Map<String, Object> request = request(type, null);
        request.put("opts", WireShapes.targets(options));
        request.put("rooms", new ArrayList<>(rooms));
        publisher.keep(channels.request(), JsonCodec.encode(request), type.name());
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            Map<String, Object> request = request(RequestType.REMOTE_DISCONNECT, null);
            request.put("opts", WireShapes.targets(options));
            request.put("close", close);
            publisher.keep(channels.request(), JsonCodec.encode(request), "disconnect sockets");
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        List<RemoteSocket> here = new ArrayList<>(local.fetchSockets(options));
        if (options.local()) return CompletableFuture.completedFuture(here);
        Map<String, Object> request = request(RequestType.REMOTE_FETCH, randomId(10));
        request.put("opts", WireShapes.targets(options));
        return ask(request, here, timeoutOf(options));
    }

    @Override
    public void serverSideEmit(List<Object> data) {
        Map<String, Object> request = request(RequestType.SERVER_SIDE_EMIT, null);
        request.put("data", local.toJsonValues(data));
        publisher.keep(channels.request(), JsonCodec.encode(request), "server-side emit");
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
        Map<String, Object> request = request(RequestType.SERVER_SIDE_EMIT, randomId(10));
        request.put("data", local.toJsonValues(data));
        return ask(request, new ArrayList<>(), timeoutMillis > 0 ? timeoutMillis : requestsTimeoutMillis);
    }

    @Override
    public CompletionStage<Integer> serverCount() {
        // this node counts itself even before its own subscription is confirmed; completed off Lettuce's thread
        return publisher.subscriberCount(channels.request())
                .thenApplyAsync(count -> (int) Math.max(1, count), local.inOrder());
    }

    private long timeoutOf(BroadcastOptions options) {
        return options.timeoutMillis() > 0 ? options.timeoutMillis() : requestsTimeoutMillis;
    }

    private Map<String, Object> request(RequestType type, String requestId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", uid);
        if (requestId != null) request.put("requestId", requestId);
        request.put("type", type.code());
        return request;
    }

    /**
     * Sends a request to the other nodes, as many as Redis counts on the request channel less this one, and
     * completes with {@code here} plus their answers; fails at once when Redis cannot be reached, and with a
     * {@code ClusterTimeoutException} when not all answered in time.
     */
    private <T> CompletionStage<List<T>> ask(Map<String, Object> request, List<T> here, long timeoutMillis) {
        RequestType type = RequestType.of(request.get("type"));
        String requestId = (String) request.get("requestId");
        byte[] message = JsonCodec.encode(request);
        return publisher.subscriberCount(channels.request()).thenComposeAsync(subscribers -> {
            int otherNodes = (int) Math.max(0, subscribers - 1);
            if (otherNodes == 0) return CompletableFuture.completedFuture(here);
            PendingRequest<T> pending = new PendingRequest<>(type, otherNodes, here);
            requests.put(requestId, pending);
            pending.timer(local.schedule(() -> inOrder(() -> {
                if (requests.remove(requestId, pending)) pending.timeOut();
            }), timeoutMillis));
            publisher.send(channels.request(), message).whenComplete((sent, error) -> {
                if (error != null) inOrder(() -> {
                    if (requests.remove(requestId, pending)) pending.fail(Causes.unwrap(error));
                });
            });
            return pending.result;
        }, local.inOrder());
    }

    private void inOrder(Runnable task) {
        inOrder(local.inOrder(), task);
    }

    private void inOrder(Executor queue, Runnable task) {
        try {
            queue.execute(task);
        } catch (RejectedExecutionException e) {
            Reachability.LOG.log(Level.WARNING, "dropped a task of {0}: too many cluster messages queued", local.name());
        }
    }

    // ---------------------------------------------------------------- receiving

    /** On Lettuce's thread: hands the message to the namespace's in-order executor, where it is decoded. */
    private void received(String kind, byte[] message, Consumer<byte[]> handler, Executor queue) {
        if (closed) return;
        inOrder(queue, () -> {
            try {
                handler.accept(message);
            } catch (MalformedMessageException e) {
                Reachability.LOG.log(Level.WARNING, "ignored a {0} message of {1} that is not in the Redis adapter''s "
                        + "format: {2}", kind, local.name(), e.getMessage());
            } catch (RuntimeException e) {
                Reachability.LOG.log(Level.WARNING, "a " + kind + " message of " + local.name() + " failed", e);
            }
        });
    }

    /** {@code [uid, packet, opts]}, from another node or the emitter; this node's own come back too and are skipped. */
    private void onBroadcast(byte[] message) {
        if (!(MsgPackCodec.decode(message) instanceof List<?> parts) || parts.size() < 2) {
            throw new MalformedMessageException("a broadcast that is not [uid, packet, opts]");
        }
        if (uid.equals(parts.get(0))) return;
        Map<?, ?> packet = WireShapes.object(parts.get(1), "a packet");
        if (!WireShapes.namespaceOf(packet).equals(local.name())) return; // as the reference: another namespace's
        List<Object> data = WireShapes.eventData(packet);
        local.broadcast(data, WireShapes.options(parts.size() > 2 ? parts.get(2) : null));
    }

    /** An answer to a request of this node, or to another node's (which is skipped). */
    @SuppressWarnings("unchecked")
    private void onResponse(byte[] message) {
        Map<?, ?> response = WireShapes.object(JsonCodec.decodeJsonOrMsgPack(message), "a response");
        String requestId = string(response.get("requestId"));
        if (requestId == null) throw new MalformedMessageException("a response without a requestId");
        AckRequest acks = ackRequests.get(requestId);
        if (acks != null) {
            RequestType type = RequestType.of(response.get("type"));
            if (type == RequestType.BROADCAST_CLIENT_COUNT && response.get("clientCount") instanceof Number n) {
                acks.clientCount.accept(n.intValue());
            } else if (type == RequestType.BROADCAST_ACK) {
                acks.ack.accept(response.get("packet"));
            } else {
                throw new MalformedMessageException("an answer to a broadcast with acks of type " + response.get("type"));
            }
            return;
        }
        PendingRequest<?> pending = requests.get(requestId);
        if (pending == null) return; // another node's request, or one that ended
        boolean complete = switch (pending.type) {
            case REMOTE_FETCH -> ((PendingRequest<RemoteSocket>) pending).answered(remoteSockets(response.get("sockets")));
            case SERVER_SIDE_EMIT ->
                    ((PendingRequest<Object>) pending).answered(Collections.singletonList(response.get("data")));
            default -> false;
        };
        if (complete) requests.remove(requestId, pending);
    }

    private List<RemoteSocket> remoteSockets(Object wire) {
        if (!(wire instanceof List<?> sockets)) throw new MalformedMessageException("a fetch answer without sockets");
        List<RemoteSocket> found = new ArrayList<>(sockets.size());
        for (Object socket : sockets) found.add(local.remoteSocket(WireShapes.socket(socket)));
        return found;
    }

    private record AckRequest(IntConsumer clientCount, Consumer<Object> ack) {
    }
}
