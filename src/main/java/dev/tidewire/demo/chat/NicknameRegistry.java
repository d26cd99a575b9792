package dev.tidewire.demo.chat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is called what: validates nicknames and keeps them unique (case-insensitively) among the connected sockets.
 * Thread-safe. A guest's nickname belongs to one socket and comes with a secret token; a new socket presenting it
 * takes the nickname over from a stale socket of the same guest (a reconnect the server has not noticed yet). A
 * signed-in user's nickname is the user's name and belongs to all of that user's sockets (browser tabs).
 */
public final class NicknameRegistry {
    public static final int MAX_LENGTH = 20;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Set<String> RESERVED = Set.of("server", "system", "admin", "tidewire", "you");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param user the signed-in user the nickname belongs to, or null for a guest (then one socket) */
    private record Entry(String nick, List<String> socketIds, String token, String user) {
        Entry withSocket(String socketId) {
            List<String> ids = new ArrayList<>(socketIds);
            ids.add(socketId);
            return new Entry(nick, List.copyOf(ids), token, user);
        }

        Entry withoutSocket(String socketId) {
            List<String> ids = new ArrayList<>(socketIds);
            ids.remove(socketId);
            return new Entry(nick, List.copyOf(ids), token, user);
        }
    }

    /** The outcome of {@link #claim}. */
    public sealed interface Claim {
    }

    /**
     * @param replacedSocketId the stale socket that held the nickname before (a takeover by token), or null
     * @param anotherTab       the nickname's signed-in user was already here on another socket
     */
    public record Granted(String nick, String token, String replacedSocketId, boolean anotherTab) implements Claim {
    }

    public record Refused(String reason) implements Claim {
    }

    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<String, String> keyBySocket = new HashMap<>();

    /** Why {@code nick} is not a valid nickname, or {@code null} when it is. */
    public static String validate(String nick) {
        if (nick == null || nick.isBlank()) return "Please choose a nickname.";
        if (nick.codePointCount(0, nick.length()) > MAX_LENGTH) {
            return "A nickname has at most " + MAX_LENGTH + " characters.";
        }
        if (!ALLOWED.matcher(nick).matches()) {
            return "Use letters, digits, '.', '_' or '-' only (no spaces or symbols).";
        }
        if (RESERVED.contains(key(nick))) return "\"" + nick + "\" is reserved. Please choose another nickname.";
        return null;
    }

    private static String key(String nick) {
        return nick.toLowerCase(Locale.ROOT);
    }

    /**
     * Gives a guest's {@code nick} to {@code socketId} when it is valid and free, or held by another socket whose
     * token the caller presents. A socket holds one nickname; claiming again is refused.
     */
    public synchronized Claim claim(String nick, String socketId, String token) {
        String invalid = validate(nick);
        if (invalid != null) return new Refused(invalid);
        if (keyBySocket.containsKey(socketId)) return new Refused("You already have a nickname.");
        String key = key(nick);
        Entry holder = byKey.get(key);
        if (holder == null) return grant(key, new Entry(nick, List.of(socketId), newToken(), null), null, false);
        if (holder.user() == null && token != null && !token.isEmpty() && token.equals(holder.token())) {
            String replaced = holder.socketIds().get(0);
            keyBySocket.remove(replaced);
            return grant(key, new Entry(nick, List.of(socketId), holder.token(), null), replaced, false);
        }
        return taken(holder);
    }

    /**
     * Gives signed-in {@code user} its own name as the nickname on {@code socketId}, next to the user's other
     * sockets; refused when the name is not a valid nickname or a guest holds it.
     */
    public synchronized Claim claimAsUser(String user, String socketId) {
        String invalid = validate(user);
        if (invalid != null) return new Refused("Your user name cannot be a nickname here: " + invalid);
        if (keyBySocket.containsKey(socketId)) return new Refused("You already have a nickname.");
        String key = key(user);
        Entry holder = byKey.get(key);
        if (holder == null) return grant(key, new Entry(user, List.of(socketId), newToken(), user), null, false);
        if (!user.equals(holder.user())) return taken(holder);
        return grant(key, holder.withSocket(socketId), null, true);
    }

    private Granted grant(String key, Entry entry, String replaced, boolean anotherTab) {
        String socketId = entry.socketIds().get(entry.socketIds().size() - 1);
        byKey.put(key, entry);
        keyBySocket.put(socketId, key);
        return new Granted(entry.nick(), entry.token(), replaced, anotherTab);
    }

    private static Refused taken(Entry holder) {
        return new Refused("\"" + holder.nick() + "\" is already taken. Please choose another nickname.");
    }

    /**
     * Lets {@code socketId} go; returns the nickname it frees, or null when the socket held none or the nickname's
     * signed-in user is still here on another socket.
     */
    public synchronized String release(String socketId) {
        String key = keyBySocket.remove(socketId);
        if (key == null) return null;
        Entry e = byKey.get(key);
        if (e == null || !e.socketIds().contains(socketId)) return null;
        Entry rest = e.withoutSocket(socketId);
        if (!rest.socketIds().isEmpty()) {
            byKey.put(key, rest);
            return null;
        }
        byKey.remove(key);
        return e.nick();
    }

    public synchronized String nickOf(String socketId) {
        String key = keyBySocket.get(socketId);
        return key == null ? null : byKey.get(key).nick();
    }

    /** The socket holding {@code nick} (any case; a signed-in user's first), or null. */
    public synchronized String socketOf(String nick) {
        if (nick == null) return null;
        Entry e = byKey.get(key(nick));
        return e == null ? null : e.socketIds().get(0);
    }

    /** The signed-in user whose nickname {@code nick} is (any case), or null for a guest or nobody. */
    public synchronized String userOf(String nick) {
        if (nick == null) return null;
        Entry e = byKey.get(key(nick));
        return e == null ? null : e.user();
    }

    public synchronized int count() {
        return byKey.size();
    }

    private static String newToken() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
