package dev.tidewire.server;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Connection state recovery on one node (the reference's {@code SessionAwareAdapter}): the broadcasts of the last
 * {@code maxDisconnectionDuration}, each with an offset appended to its data, and the sessions of sockets that left
 * for a recoverable reason. Bounded: at most {@link RecoveryOptions#MAX_KEPT_PACKETS} broadcasts and
 * {@link RecoveryOptions#MAX_KEPT_BYTES} (estimated) are kept, and {@link RecoveryOptions#MAX_KEPT_SESSIONS}
 * sessions; a client whose offset is no longer kept starts afresh, never with a gap. Offsets name this log (a random
 * prefix), so an offset from another node or an earlier start is unknown here.
 */
final class SessionLog {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(long seq, Set<String> rooms, Set<String> except, List<Object> data, long emittedAt,
                         long size) {
    }

    private record Kept(RecoverableSession session, long disconnectedAt) {
    }

    private final long duration;
    private final LongSupplier clock;
    private final String prefix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + "-";
    private final ArrayDeque<Entry> packets = new ArrayDeque<>();
    private final LinkedHashMap<String, Kept> sessions = new LinkedHashMap<>(); // by pid, oldest first
    private long nextSeq = 1;
    private long keptBytes;

    SessionLog(RecoveryOptions options, LongSupplier clock) {
        this.duration = options.maxDisconnectionDurationMillis();
        this.clock = clock;
    }

    /** Keeps a broadcast; returns its data with the offset appended, to send to the sockets of this node. */
    synchronized List<Object> append(List<Object> data, BroadcastOptions options) {
        long seq = nextSeq++;
        List<Object> withOffset = new ArrayList<>(data.size() + 1);
        withOffset.addAll(data);
        withOffset.add(prefix + Long.toString(seq, 36));
        List<Object> kept = Collections.unmodifiableList(withOffset); // the caller sends it and never changes it
        long size = JsonValues.estimateSize(withOffset);
        long now = clock.getAsLong();
        packets.addLast(new Entry(seq, options.rooms(), options.except(), kept, now, size));
        keptBytes += size;
        trim(now);
        return kept;
    }

    private void trim(long now) {
        long oldest = now - duration;
        while (!packets.isEmpty() && (packets.size() > RecoveryOptions.MAX_KEPT_PACKETS
                || keptBytes > RecoveryOptions.MAX_KEPT_BYTES || packets.peekFirst().emittedAt < oldest)) {
            keptBytes -= packets.removeFirst().size;
        }
    }

    synchronized void persist(RecoverableSession session) {
        long now = clock.getAsLong();
        sessions.remove(session.pid());
        sessions.put(session.pid(), new Kept(session, now));
        Iterator<Kept> eldest = sessions.values().iterator();
        while (eldest.hasNext()) {
            Kept k = eldest.next();
            if (sessions.size() <= RecoveryOptions.MAX_KEPT_SESSIONS && k.disconnectedAt >= now - duration) break;
            eldest.remove();
        }
    }

    /** The session and what it missed after {@code offset}; empty when unknown, expired, or the offset is not kept. */
    synchronized Optional<RecoverableSession> restore(String pid, String offset) {
        Kept kept = sessions.remove(pid);
        long now = clock.getAsLong();
        if (kept == null || kept.disconnectedAt < now - duration) return Optional.empty();
        long seen = seqOf(offset);
        trim(now);
        long firstKept = packets.isEmpty() ? nextSeq : packets.peekFirst().seq;
        // every packet after the offset must still be here: else the client would get a gap instead of a fresh start
        if (seen < 0 || seen >= nextSeq || seen < firstKept - 1) return Optional.empty();
        List<List<Object>> missed = new ArrayList<>();
        Set<String> rooms = kept.session.rooms();
        for (Entry e : packets) {
            if (e.seq > seen && reaches(e, rooms)) missed.add(e.data);
        }
        return Optional.of(kept.session.withMissedPackets(missed));
    }

    private static boolean reaches(Entry e, Set<String> rooms) {
        boolean included = e.rooms.isEmpty();
        for (String room : rooms) {
            if (e.except.contains(room)) return false;
            if (e.rooms.contains(room)) included = true;
        }
        return included;
    }

    private long seqOf(String offset) {
        if (offset == null || !offset.startsWith(prefix)) return -1;
        try {
            return Long.parseLong(offset.substring(prefix.length()), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
