package dev.tidewire.internal.redis;

import dev.tidewire.server.BroadcastOptions;
import dev.tidewire.server.RecoverableSession;
import dev.tidewire.server.RecoveryOptions;
import dev.tidewire.server.cluster.MessageType;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Disconnected sessions kept in Redis for connection state recovery, as the reference's Redis Streams adapter keeps
 * them, so that a client may come back on any node: the key {@code <sessionKeyPrefix><pid>} holds base64 of the
 * MessagePack of {@code {sid, pid, rooms, data}} and expires after the disconnection time allowed. Restoring takes
 * the session (GETDEL), checks that the client's offset is still in the stream, and collects the broadcasts of the
 * namespace after it that the session's rooms would have received.
 */
final class RedisSessionStore {
    /** A stream entry id, as {@code XADD} makes them. */
    private static final Pattern OFFSET = Pattern.compile("\\d{1,19}-\\d{1,19}");
    /** Most entries read per XRANGE call, and most calls for one session (the reference's limit). */
    private static final int PAGE = 1_000;
    private static final int MAX_PAGES = 100;
    /** Most bytes of a kept session that are decoded. */
    private static final int MAX_SESSION_BYTES = 1 << 20;

    private final RedisLink link;
    private final String stream;
    private final String keyPrefix;

    RedisSessionStore(RedisLink link, RedisStreamsOptions options) {
        this.link = link;
        this.stream = options.streamName();
        this.keyPrefix = options.sessionKeyPrefix();
    }

    /**
     * Keeps the session for {@code ttlMillis}, written once Redis is back if it is unreachable now; a failure is the
     * log's business (the client will start afresh).
     */
    void persist(Map<String, Object> session, String pid, long ttlMillis) {
        byte[] value = Base64.getEncoder().encode(MsgPackCodec.encode(session));
        link.keep(c -> c.set(keyPrefix + pid, value, SetArgs.Builder.px(ttlMillis)), value.length)
                .whenComplete((ok, error) -> {
                    if (error != null) link.publishFailed("session", error);
                });
    }

    /** The session with the missed broadcasts of {@code namespace}, or empty (unknown, expired, offset gone). */
    CompletionStage<Optional<RecoverableSession>> restore(String pid, String offset, String namespace) {
        if (pid == null || offset == null || !OFFSET.matcher(offset).matches()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletionStage<byte[]> kept = link.command(c -> c.getdel(keyPrefix + pid));
        CompletionStage<List<StreamMessage<String, byte[]>>> at = link.command(c -> c.xrange(stream,
                Range.create(offset, offset)));
        return kept.thenCombine(at, (raw, entries) -> raw == null || entries.isEmpty() ? null : decode(raw))
                .thenCompose(session -> session == null
                        ? CompletableFuture.completedFuture(Optional.<RecoverableSession>empty())
                        : missedSince(session, offset, namespace, new ArrayList<>(), 0, 0));
    }

    /** One page of entries after {@code offset}, then the next, until the end of the stream. */
    private CompletionStage<Optional<RecoverableSession>> missedSince(RecoverableSession session, String offset,
                                                                     String namespace, List<List<Object>> missed,
                                                                     int page, long bytes) {
        if (page == MAX_PAGES) return CompletableFuture.completedFuture(Optional.empty()); // too far behind
        return link.command(c -> c.xrange(stream, Range.from(Range.Boundary.including(after(offset)),
                Range.Boundary.unbounded()), Limit.from(PAGE))).thenCompose(entries -> {
            long size = bytes;
            for (StreamMessage<String, byte[]> entry : entries) {
                byte[] data = entry.getBody().get("data");
                size += data == null ? 0 : data.length;
                List<Object> event = missedEvent(entry, session.rooms(), namespace);
                if (event != null) missed.add(event);
            }
            // a client that missed more than a node keeps for it in memory starts afresh
            if (missed.size() > RecoveryOptions.MAX_KEPT_PACKETS || size > RecoveryOptions.MAX_KEPT_BYTES) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (entries.size() < PAGE) {
                return CompletableFuture.completedFuture(Optional.of(new RecoverableSession(session.sid(),
                        session.pid(), session.rooms(), session.data(), missed)));
            }
            return missedSince(session, entries.get(entries.size() - 1).getId(), namespace, missed, page + 1, size);
        });
    }

    /** The entry's event data followed by its id, when it is a broadcast the session would have received. */
    private static List<Object> missedEvent(StreamMessage<String, byte[]> entry, Set<String> rooms, String namespace) {
        Map<String, byte[]> body = entry.getBody();
        if (!namespace.equals(text(body.get("nsp"))) || !Integer.toString(MessageType.BROADCAST.code())
                .equals(text(body.get("type"))) || body.get("data") == null || body.get("data").length == 0) {
            return null;
        }
        try {
            Map<String, Object> data = StreamsWire.entryData(body.get("data"));
            if (data.get("requestId") != null || !(data.get("packet") instanceof Map<?, ?> packet)
                    || !(packet.get("data") instanceof List<?> event) || event.isEmpty()) {
                return null;
            }
            BroadcastOptions options = data.get("opts") instanceof Map<?, ?> wire
                    ? BroadcastOptions.fromWire(wire) : BroadcastOptions.ALL;
            if (options.isVolatile() || !reaches(options, rooms)) return null;
            List<Object> out = new ArrayList<>(event);
            out.add(entry.getId());
            return out;
        } catch (MalformedMessageException | IllegalArgumentException e) {
            Reachability.LOG.log(System.Logger.Level.WARNING, "skipped stream entry {0} while restoring a session: {1}",
                    entry.getId(), e.getMessage());
            return null;
        }
    }

    /** Whether a socket in {@code rooms} (its own id among them) was targeted, as the reference decides. */
    static boolean reaches(BroadcastOptions options, Set<String> rooms) {
        boolean included = options.rooms().isEmpty() || rooms.stream().anyMatch(options.rooms()::contains);
        return included && rooms.stream().noneMatch(options.except()::contains);
    }

    /** The id just after {@code offset}: an exclusive range start that Redis before 6.2 reads too. */
    static String after(String offset) {
        int dash = offset.indexOf('-');
        return offset.substring(0, dash) + "-" + (Long.parseLong(offset.substring(dash + 1)) + 1);
    }

    private static String text(byte[] field) {
        return field == null ? null : new String(field, StandardCharsets.UTF_8);
    }

    /** A session as the reference writes it; null when it is not one (it is then not restored). */
    private static RecoverableSession decode(byte[] raw) {
        try {
            if (raw.length > MAX_SESSION_BYTES) throw new MalformedMessageException("a session of " + raw.length + " bytes");
            Map<String, Object> wire = StreamsWire.object(MsgPackCodec.decode(Base64.getDecoder().decode(raw)), "session");
            if (!(wire.get("sid") instanceof String sid) || !(wire.get("pid") instanceof String pid)) {
                throw new MalformedMessageException("a session without sid or pid");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> data = wire.get("data") instanceof Map<?, ?> map
                    ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
            return new RecoverableSession(sid, pid, BroadcastOptions.roomsFromWire(wire.get("rooms")), data, List.of());
        } catch (MalformedMessageException | IllegalArgumentException e) {
            Reachability.LOG.log(System.Logger.Level.WARNING, "a kept session could not be read: {0}", e.getMessage());
            return null;
        }
    }

    /** The wire form of a session: what the reference's socket.io hands to {@code persistSession}. */
    static Map<String, Object> wire(RecoverableSession session, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sid", session.sid());
        out.put("pid", session.pid());
        out.put("rooms", new ArrayList<>(session.rooms()));
        out.put("data", data);
        return out;
    }
}
