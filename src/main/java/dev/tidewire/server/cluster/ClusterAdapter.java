package dev.tidewire.server.cluster;

import dev.tidewire.server.Adapter;
import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.ClusterTimeoutException;
import dev.tidewire.server.LocalNamespace;
import dev.tidewire.server.RemoteSocket;
import dev.tidewire.server.SocketDetails;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
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

/**
 * An adapter for a cluster whose nodes exchange {@link ClusterMessage}s, with the semantics of the reference's
 * {@code ClusterAdapter} (socket.io-adapter 2.5): every operation is published to the other nodes and carried out
 * here; requests ({@code fetchSockets}, server-side emits with acks) wait for as many answers as the transport counts
 * other nodes ({@link #serverCount()}), broadcasts with acks for what each node reports. With connection state
 * recovery on, each broadcast carries the offset the transport gave its message. A transport extends it (or
 * {@link ClusterAdapterWithHeartbeat}, which counts the nodes itself): it implements {@link #doPublish} and
 * {@link #doPublishResponse}, and hands what it receives to {@link #onMessage}.
 * <p>
 * Messages received are handled one at a time, in order, on the server's handler executor (never on the transport's
 * thread); so are the completions of the stages this adapter returns.
 */
public abstract class ClusterAdapter implements Adapter {
    private static final Logger LOG = System.getLogger("tidewire.socketio.cluster");
    /** Messages from a process that is not a node (the reference's emitter) carry this uid. */
    protected static final String EMITTER_UID = "emitter";
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final LocalNamespace local;
    protected final ClusterOptions options;
    private final String uid = randomId();
    private final boolean recovery;
    private final Map<String, Request<?>> requests = new ConcurrentHashMap<>();
    private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();
    private final Object localDeliveryOrder = new Object();
    /** The local delivery of the latest broadcast that waits for its offset (connection state recovery on). */
    private CompletableFuture<Void> lastLocalDelivery = CompletableFuture.completedFuture(null);

    protected ClusterAdapter(LocalNamespace local, ClusterOptions options) {
        this.local = local;
        this.options = options;
        this.recovery = local.recovery().isPresent();
    }

    /** This node's id in the cluster (random, per namespace and start). */
    public final String uid() {
        return uid;
    }

    static String randomId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Sends a message to every other node; completes with its offset once the transport knows it, or with null once
     * it knows there is none (no log, or the message waits for the transport to come back). Local delivery of a
     * broadcast waits for this stage when recovery is on, so it must not wait for an outage to end.
     */
    protected abstract CompletionStage<String> doPublish(ClusterMessage message);

    /** Sends a response to the node {@code requesterUid} (a transport may send it to all; others ignore it). */
    protected abstract CompletionStage<Void> doPublishResponse(String requesterUid, ClusterMessage response);

    /** Who must answer a request: the transport's count of the other nodes. */
    protected CompletionStage<Responders> responders() {
        return serverCount().thenApply(count -> Responders.count(count - 1));
    }

    // ---------------------------------------------------------------- operations

    @Override
    public void broadcast(List<Object> data, BroadcastOptions options) {
        if (options.local()) {
            local.broadcast(data, options);
            return;
        }
        CompletionStage<String> offset = publish(MessageType.BROADCAST, Map.of(
                "packet", ClusterMessage.eventPacket(local.toJsonValues(data), local.name()), "opts", options.toWire()));
        if (!recovery || options.isVolatile()) {
            local.broadcast(data, options);
            return;
        }
        // the clients here get the offset the transport gave the message, as the other nodes' clients do; in the
        // order of the broadcasts, whatever order the transport answers in (a write refused at once while an
        // earlier one is still failing would otherwise overtake it)
        CompletableFuture<String> known = offset.toCompletableFuture().handle((given, error) -> error == null ? given : null);
        synchronized (localDeliveryOrder) {
            lastLocalDelivery = lastLocalDelivery.thenCombine(known, (previous, given) -> given)
                    .thenAccept(given -> deliverLocally(withOffset(data, given), options));
        }
    }

    /** Never fails, so that one failed delivery does not stop the ones queued behind it. */
    private void deliverLocally(List<Object> data, BroadcastOptions options) {
        try {
            local.broadcast(data, options);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a broadcast of " + local.name() + " failed on this node", e);
        }
    }

    private static List<Object> withOffset(List<Object> data, String offset) {
        if (offset == null || offset.isEmpty()) return data;
        List<Object> out = new ArrayList<>(data.size() + 1);
        out.addAll(data);
        out.add(offset);
        return out;
    }

    @Override
    public void broadcastWithAck(List<Object> data, BroadcastOptions options, IntConsumer clientCount,
                                 Consumer<Object> ack) {
        if (!options.local()) {
            String requestId = randomId();
            ackRequests.put(requestId, new AckRequest(clientCount, ack));
            // nothing says when every client of every node has answered: the entry goes after the time limit
            long keep = options.timeoutMillis() > 0 ? options.timeoutMillis() : this.options.requestsTimeoutMillis();
            local.schedule(() -> ackRequests.remove(requestId), keep);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("packet", ClusterMessage.eventPacket(local.toJsonValues(data), local.name()));
            message.put("requestId", requestId);
            message.put("opts", options.toWire());
            publish(MessageType.BROADCAST, message);
        }
        local.broadcastWithAck(data, options, clientCount, ack);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.local()) {
            publish(MessageType.SOCKETS_JOIN, Map.of("opts", options.toWire(), "rooms", List.copyOf(rooms)));
        }
        local.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.local()) {
            publish(MessageType.SOCKETS_LEAVE, Map.of("opts", options.toWire(), "rooms", List.copyOf(rooms)));
        }
        local.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            publish(MessageType.DISCONNECT_SOCKETS, Map.of("opts", options.toWire(), "close", close));
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        List<RemoteSocket> here = new ArrayList<>(local.fetchSockets(options));
        if (options.local()) return CompletableFuture.completedFuture(here);
        return responders().thenCompose(responders -> {
            if (responders.none()) return CompletableFuture.completedFuture(here);
            Request<RemoteSocket> request = new Request<>(MessageType.FETCH_SOCKETS, responders, here);
            String requestId = register(request, timeoutOf(options));
            publish(MessageType.FETCH_SOCKETS, Map.of("opts", options.toWire(), "requestId", requestId));
            return request.result;
        });
    }

    @Override
    public void serverSideEmit(List<Object> data) {
        publish(MessageType.SERVER_SIDE_EMIT, Map.of("packet", local.toJsonValues(data)));
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data, long timeoutMillis) {
        List<Object> values = local.toJsonValues(data);
        return responders().thenCompose(responders -> {
            if (responders.none()) return CompletableFuture.completedFuture(List.of());
            Request<Object> request = new Request<>(MessageType.SERVER_SIDE_EMIT, responders, new ArrayList<>());
            String requestId = register(request, timeoutMillis);
            publish(MessageType.SERVER_SIDE_EMIT, Map.of("requestId", requestId, "packet", values));
            return request.result;
        });
    }

    private long timeoutOf(BroadcastOptions options) {
        return options.timeoutMillis() > 0 ? options.timeoutMillis() : this.options.requestsTimeoutMillis();
    }

    /** Registers the request, then arms its time limit (so that an early answer finds it). */
    private String register(Request<?> request, long timeoutMillis) {
        String requestId = randomId();
        requests.put(requestId, request);
        request.timer = local.schedule(() -> {
            if (requests.remove(requestId, request)) local.inOrder().execute(request::timeOut);
        }, timeoutMillis);
        return requestId;
    }

    // ---------------------------------------------------------------- sending

    /** Publishes a message; completes with its offset in the transport's log (or null), or fails as sending did. */
    protected CompletionStage<String> publish(MessageType type, Map<String, Object> data) {
        ClusterMessage message = new ClusterMessage(uid, local.name(), type, data);
        CompletionStage<String> sent;
        try {
            sent = doPublish(message);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((offset, error) -> {
            if (error != null) failedToSend(type, error);
        });
    }

    private void publishResponse(String requesterUid, MessageType type, Map<String, Object> data) {
        ClusterMessage response = new ClusterMessage(uid, local.name(), type, data);
        try {
            doPublishResponse(requesterUid, response).whenComplete((nothing, error) -> {
                if (error != null) failedToSend(type, error);
            });
        } catch (RuntimeException e) {
            failedToSend(type, e);
        }
    }

    private void failedToSend(MessageType type, Throwable error) {
        LOG.log(Level.WARNING, "the cluster did not get a {0} message of {1}: {2}", type, local.name(),
                error.toString());
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Hands a message of another node (or a response to this one) to this adapter; the transport calls it on its
     * own thread. {@code offset} is the message's position in the transport's log, or {@code null}.
     */
    protected final void onMessage(ClusterMessage message, String offset) {
        if (message.uid().equals(uid) || !message.nsp().equals(local.name())) return;
        // a broadcast without acks only writes to clients, so what several such write to one client may go together
        Executor queue = message.type() == MessageType.BROADCAST && message.requestId() == null
                ? local.inOrderBroadcasts() : local.inOrder();
        try {
            queue.execute(() -> handle(message, offset));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "dropped a {0} message of {1} from node {2}: too many cluster messages queued",
                    message.type(), local.name(), message.uid());
        }
    }

    /**
     * Called first for each message of another node, in order; returns whether the message was handled there (a
     * subclass's own types, such as heartbeats).
     */
    protected boolean onNodeMessage(ClusterMessage message) {
        return false;
    }

    private void handle(ClusterMessage message, String offset) {
        try {
            if (onNodeMessage(message)) return;
            switch (message.type()) {
                case INITIAL_HEARTBEAT, HEARTBEAT, ADAPTER_CLOSE -> { }
                case BROADCAST -> onBroadcast(message, offset);
                case SOCKETS_JOIN -> local.addSockets(WireData.options(message.get("opts")),
                        BroadcastOptions.roomsFromWire(message.get("rooms")));
                case SOCKETS_LEAVE -> local.delSockets(WireData.options(message.get("opts")),
                        BroadcastOptions.roomsFromWire(message.get("rooms")));
                case DISCONNECT_SOCKETS -> local.disconnectSockets(WireData.options(message.get("opts")),
                        Boolean.TRUE.equals(message.get("close")));
                case FETCH_SOCKETS -> onFetchSockets(message);
                case SERVER_SIDE_EMIT -> onServerSideEmit(message);
                case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE, BROADCAST_CLIENT_COUNT, BROADCAST_ACK ->
                        onResponse(message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a " + message.type() + " message of " + local.name() + " from node "
                    + message.uid() + " failed", e);
        }
    }

    private void onBroadcast(ClusterMessage message, String offset) {
        List<Object> data = WireData.eventData(message.get("packet"));
        if (data == null) return;
        BroadcastOptions options = WireData.options(message.get("opts"));
        String requestId = message.requestId();
        if (requestId == null) {
            local.broadcast(recovery && !options.isVolatile() ? withOffset(data, offset) : data, options);
            return;
        }
        String requester = message.uid();
        local.broadcastWithAck(data, options,
                count -> publishResponse(requester, MessageType.BROADCAST_CLIENT_COUNT,
                        Map.of("requestId", requestId, "clientCount", count)),
                answer -> publishResponse(requester, MessageType.BROADCAST_ACK, answerOf(requestId, answer)));
    }

    private void onFetchSockets(ClusterMessage message) {
        String requestId = message.requestId();
        if (requestId == null) return;
        List<Object> sockets = new ArrayList<>();
        for (SocketDetails s : local.fetchSocketDetails(WireData.options(message.get("opts")))) {
            sockets.add(s.toWire());
        }
        publishResponse(message.uid(), MessageType.FETCH_SOCKETS_RESPONSE,
                Map.of("requestId", requestId, "sockets", sockets));
    }

    private void onServerSideEmit(ClusterMessage message) {
        if (!(message.get("packet") instanceof List<?> packet) || packet.isEmpty()) return;
        List<Object> data = new ArrayList<>(packet);
        String requestId = message.requestId();
        if (requestId == null) {
            local.onServerSideEmit(data, null);
            return;
        }
        String requester = message.uid();
        local.onServerSideEmit(data, answer -> publishResponse(requester, MessageType.SERVER_SIDE_EMIT_RESPONSE,
                answerOf(requestId, local.toJsonValues(Collections.singletonList(answer)).get(0))));
    }

    /** {@code {requestId, packet: answer}}; the answer may be null, which {@code Map.of} refuses. */
    private static Map<String, Object> answerOf(String requestId, Object answer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", requestId);
        out.put("packet", answer);
        return out;
    }

    private void onResponse(ClusterMessage response) {
        String requestId = response.requestId();
        if (requestId == null) return;
        switch (response.type()) {
            case BROADCAST_CLIENT_COUNT -> {
                AckRequest r = ackRequests.get(requestId);
                if (r != null && response.get("clientCount") instanceof Number n) r.clientCount.accept(n.intValue());
            }
            case BROADCAST_ACK -> {
                AckRequest r = ackRequests.get(requestId);
                if (r != null) r.ack.accept(response.get("packet"));
            }
            case FETCH_SOCKETS_RESPONSE -> {
                @SuppressWarnings("unchecked")
                Request<RemoteSocket> r = (Request<RemoteSocket>) requests.get(requestId);
                if (r == null || r.type != MessageType.FETCH_SOCKETS) return;
                List<RemoteSocket> found = new ArrayList<>();
                if (response.get("sockets") instanceof List<?> sockets) {
                    for (Object wire : sockets) {
                        SocketDetails details = WireData.socket(wire);
                        if (details != null) found.add(local.remoteSocket(details));
                    }
                }
                answered(requestId, r, response.uid(), found);
            }
            case SERVER_SIDE_EMIT_RESPONSE -> {
                @SuppressWarnings("unchecked")
                Request<Object> r = (Request<Object>) requests.get(requestId);
                if (r == null || r.type != MessageType.SERVER_SIDE_EMIT) return;
                answered(requestId, r, response.uid(), Collections.singletonList(response.get("packet")));
            }
            default -> { }
        }
    }

    private <T> void answered(String requestId, Request<T> request, String node, List<T> answers) {
        if (request.answer(node, answers)) requests.remove(requestId, request);
    }

    /** A node is gone: requests stop waiting for it. */
    protected void forgetNode(String node) {
        requests.forEach((id, request) -> {
            if (request.forget(node)) requests.remove(id, request);
        });
    }

    // ---------------------------------------------------------------- requests

    private record AckRequest(IntConsumer clientCount, Consumer<Object> ack) {
    }

    /**
     * Who must answer a request: a number of other nodes (their answers are counted), or these nodes by uid (each
     * answers once, and one that is gone is no longer awaited).
     */
    protected record Responders(int count, Set<String> nodes) {
        public static Responders count(int count) {
            return new Responders(Math.max(count, 0), null);
        }

        public static Responders nodes(Set<String> nodes) {
            return new Responders(nodes.size(), Set.copyOf(nodes));
        }

        boolean none() {
            return count == 0;
        }
    }

    /** A request to the other nodes; complete once each responder answered or is gone. */
    private static final class Request<T> {
        final MessageType type;
        final Set<String> missing; // null: count the answers
        int answersMissing;
        final List<T> responses;
        final CompletableFuture<List<T>> result = new CompletableFuture<>();
        volatile LocalNamespace.Timer timer;

        Request(MessageType type, Responders responders, List<T> initial) {
            this.type = type;
            this.missing = responders.nodes() == null ? null : ConcurrentHashMap.newKeySet();
            if (missing != null) missing.addAll(responders.nodes());
            this.answersMissing = responders.count();
            this.responses = initial;
        }

        /** @return whether the request is now complete */
        boolean answer(String node, List<T> answers) {
            synchronized (this) {
                if (missing != null && !missing.remove(node)) return false;
                answersMissing--;
                responses.addAll(answers);
            }
            return completeIfDone();
        }

        boolean forget(String node) {
            synchronized (this) {
                if (missing == null || !missing.remove(node)) return false;
                answersMissing--;
            }
            return completeIfDone();
        }

        private boolean completeIfDone() {
            List<T> all;
            synchronized (this) {
                if (answersMissing > 0 || result.isDone()) return false;
                all = new ArrayList<>(responses);
            }
            LocalNamespace.Timer t = timer;
            if (t != null) t.cancel();
            result.complete(all);
            return true;
        }

        void timeOut() {
            List<Object> partial;
            int left;
            synchronized (this) {
                partial = new ArrayList<>(responses);
                left = answersMissing;
            }
            result.completeExceptionally(new ClusterTimeoutException(
                    "timeout reached: missing " + left + " responses", partial));
        }
    }
}
