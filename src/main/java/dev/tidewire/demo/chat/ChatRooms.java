package dev.tidewire.demo.chat;

import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Chat rooms are the adapter's rooms with a {@code room:} prefix (a bare name could equal a socket id, which is a
 * room too). Names are validated and lower-cased; members and the room directory are read from the adapter.
 */
public final class ChatRooms {
    public static final String PREFIX = "room:";
    public static final int MAX_LENGTH = 30;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.\\-]+( [\\p{L}\\p{N}_.\\-]+)*");

    private ChatRooms() {
    }

    /** Why {@code name} is not a valid room name, or null. */
    public static String validate(String name) {
        if (name == null || name.isBlank()) return "Please enter a room name.";
        String n = name.strip();
        if (n.codePointCount(0, n.length()) > MAX_LENGTH) return "A room name has at most " + MAX_LENGTH + " characters.";
        if (!ALLOWED.matcher(n).matches()) {
            return "Room names use letters, digits, single spaces, '.', '_' or '-'.";
        }
        return null;
    }

    /** The canonical form of a valid name: trimmed, lower case. */
    public static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public static String adapterRoom(String room) {
        return PREFIX + room;
    }

    /** Nicknames of the sockets in {@code room} on every node, sorted case-insensitively. */
    public static List<String> members(Namespace ns, String room) {
        // handlers of this demo may block (they run on the handler executor), so the cluster's answer is awaited
        return ns.in(adapterRoom(room)).fetchSockets().toCompletableFuture().join().stream()
                .map(s -> (String) s.data().get(ChatNamespace.NICK))
                .filter(Objects::nonNull)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /** Every room that has members on this node: {@code [{name, count}]}, sorted by name. */
    public static List<Map<String, Object>> directory(Namespace ns) {
        List<Map<String, Object>> out = new ArrayList<>();
        ns.localRooms().stream().filter(r -> r.startsWith(PREFIX)).sorted().forEach(r -> {
            List<Socket> sockets = ns.in(r).fetchLocalSockets();
            if (sockets.isEmpty()) return;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", r.substring(PREFIX.length()));
            entry.put("count", sockets.size());
            out.add(entry);
        });
        return out;
    }
}
