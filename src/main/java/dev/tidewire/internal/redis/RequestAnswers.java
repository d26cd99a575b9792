package dev.tidewire.internal.redis;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.LocalNamespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketDetails;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static dev.tidewire.internal.redis.WireShapes.string;

/**
 * Carries out on this node what another node (or the reference's emitter) asks on the namespace's request channel,
 * and answers it in the reference's shapes: JSON, except the acks of a broadcast, which are MessagePack because
 * they may hold binary. Runs in the namespace's in-order executor.
 */
final class RequestAnswers {
    private final LocalNamespace local;
    private final String uid;
    private final Publisher publisher;
    private final long requestsTimeoutMillis;

    RequestAnswers(LocalNamespace local, String uid, Publisher publisher, long requestsTimeoutMillis) {
        this.local = local;
        this.uid = uid;
        this.publisher = publisher;
        this.requestsTimeoutMillis = requestsTimeoutMillis;
    }

    void onRequest(byte[] message) {
        Map<?, ?> request = WireShapes.object(JsonCodec.decodeJsonOrMsgPack(message), "a request");
        Object sender = request.get("uid");
        if (uid.equals(sender)) return; // this node's own request: carried out here when it was made
        RequestType type = RequestType.of(request.get("type"));
        if (type == null) throw new MalformedMessageException("a request of an unknown type " + request.get("type"));
        String requester = string(sender);
        switch (type) {
            case SOCKETS -> answerSocketIds(request, requester);
            case ALL_ROOMS -> answer(requester, answerTo(request), "rooms", new ArrayList<>(local.rooms()));
            case REMOTE_JOIN -> onRoomChange(request, requester, local::addSockets);
            case REMOTE_LEAVE -> onRoomChange(request, requester, local::delSockets);
            case REMOTE_DISCONNECT -> {
                boolean close = Boolean.TRUE.equals(request.get("close"));
                if (request.get("opts") != null) {
                    local.disconnectSockets(WireShapes.options(request.get("opts")), close);
                } else {
                    onOneSocket(request, requester, only -> local.disconnectSockets(only, close));
                }
            }
            case REMOTE_FETCH -> answerFetch(request, requester);
            case SERVER_SIDE_EMIT -> onServerSideEmit(request);
            case BROADCAST -> onBroadcastWithAcks(request, requester);
            case BROADCAST_CLIENT_COUNT, BROADCAST_ACK ->
                    throw new MalformedMessageException("a " + type + " response on the request channel");
        }
    }

    /** Joins or leaves rooms: the matching sockets ({@code opts}, {@code rooms}), or one ({@code sid}, {@code room}). */
    private void onRoomChange(Map<?, ?> request, String requester, BiConsumer<BroadcastOptions, Set<String>> change) {
        if (request.get("opts") != null) {
            change.accept(WireShapes.options(request.get("opts")), WireShapes.rooms(request.get("rooms")));
        } else {
            Set<String> room = WireShapes.rooms(Collections.singletonList(request.get("room")));
            onOneSocket(request, requester, only -> change.accept(only, room));
        }
    }

    private void answerSocketIds(Map<?, ?> request, String requester) {
        String requestId = answerTo(request);
        List<Object> ids = new ArrayList<>();
        for (Socket s : local.fetchSockets(BroadcastOptions.toRooms(WireShapes.rooms(request.get("rooms"))))) {
            ids.add(s.id());
        }
        answer(requester, requestId, "sockets", ids);
    }

    private void answerFetch(Map<?, ?> request, String requester) {
        String requestId = answerTo(request);
        List<Object> sockets = new ArrayList<>();
        for (SocketDetails s : local.fetchSocketDetails(WireShapes.options(request.get("opts")))) {
            sockets.add(s.toWire());
        }
        answer(requester, requestId, "sockets", sockets);
    }

    private void answer(String requester, String requestId, String key, Object value) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("requestId", requestId);
        response.put(key, value);
        publisher.answer(requester, JsonCodec.encode(response), key + " answer");
    }

    /** The older single-socket form ({@code sid}, then {@code room} or {@code close}), answered when the socket is here. */
    private void onOneSocket(Map<?, ?> request, String requester, Consumer<BroadcastOptions> action) {
        String sid = string(request.get("sid"));
        if (sid == null) throw new MalformedMessageException("a request with neither opts nor sid");
        BroadcastOptions only = BroadcastOptions.toRooms(Set.of(sid));
        if (local.fetchSockets(only).isEmpty()) return; // another node's socket
        action.accept(only);
        String requestId = string(request.get("requestId"));
        if (requestId != null) {
            publisher.answer(requester, JsonCodec.encode(Map.of("requestId", requestId)), "remote socket answer");
        }
    }

    private void onServerSideEmit(Map<?, ?> request) {
        if (!(request.get("data") instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof String)) {
            throw new MalformedMessageException("a server-side emit without an event name");
        }
        List<Object> data = new ArrayList<>(list);
        String requestId = string(request.get("requestId"));
        if (requestId == null) {
            local.onServerSideEmit(data, null);
            return;
        }
        // the reference answers a server-side emit on the shared response channel, whatever its options
        local.onServerSideEmit(data, answer -> publisher.publish(publisher.channels().response(),
                JsonCodec.encode(typed(RequestType.SERVER_SIDE_EMIT, requestId, "data", jsonValue(answer))),
                "server-side emit answer"));
    }

    private void onBroadcastWithAcks(Map<?, ?> request, String requester) {
        String requestId = answerTo(request);
        List<Object> data = WireShapes.eventData(request.get("packet"));
        BroadcastOptions sent = WireShapes.options(request.get("opts"));
        // the requester stops listening after its timeout; so do this node's sockets (the reference's never do)
        long timeout = sent.timeoutMillis() > 0 ? sent.timeoutMillis() : requestsTimeoutMillis;
        BroadcastOptions options = sent.withTimeout(timeout); // fromWire never sets local
        local.broadcastWithAck(data, options,
                count -> publisher.answer(requester, JsonCodec.encode(typed(RequestType.BROADCAST_CLIENT_COUNT,
                        requestId, "clientCount", count)), "client count"),
                ack -> publisher.answer(requester, MsgPackCodec.encode(typed(RequestType.BROADCAST_ACK, requestId,
                        "packet", jsonValue(ack))), "broadcast ack"));
    }

    private static Map<String, Object> typed(RequestType type, String requestId, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type.code());
        out.put("requestId", requestId);
        out.put(key, value); // may be null
        return out;
    }

    private Object jsonValue(Object answer) {
        return local.toJsonValues(Collections.singletonList(answer)).get(0);
    }

    private static String answerTo(Map<?, ?> request) {
        String requestId = string(request.get("requestId"));
        if (requestId == null) throw new MalformedMessageException("a request without a requestId");
        return requestId;
    }
}
