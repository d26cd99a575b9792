package dev.tidewire.demo.chat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is called what: validates nicknames and keeps them unique (case-insensitively) among the connected sockets.
 * Thread-safe. A granted nickname comes with a secret token; a new socket presenting it takes the nickname over
 * from a stale socket of the same user (a reconnect the server has not noticed yet).
 */
public final class NicknameRegistry {
    public static final int MAX_LENGTH = 20;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Set<String> RESERVED = Set.of("server", "system", "admin", "tidewire", "you");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(String nick, String socketId, String token) {
    }

    /** The outcome of {@link #claim}. */
    public sealed interface Claim {
    }

    /**
     * @param replacedSocketId the stale socket that held the nickname before (a takeover by token), or null
     */
    public record Granted(String nick, String token, String replacedSocketId) implements Claim {
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
     * Gives {@code nick} to {@code socketId} when it is valid and free, or held by another socket whose token the
     * caller presents. A socket holds one nickname; claiming again is refused.
     */
    public synchronized Claim claim(String nick, String socketId, String token) {
        String invalid = validate(nick);
        if (invalid != null) return new Refused(invalid);
        if (keyBySocket.containsKey(socketId)) return new Refused("You already have a nickname.");
        String key = key(nick);
        Entry holder = byKey.get(key);
        String replaced = null;
        String granted;
        if (holder == null) {
            granted = newToken();
        } else if (token != null && !token.isEmpty() && token.equals(holder.token())) {
            replaced = holder.socketId();
            keyBySocket.remove(replaced);
            granted = holder.token();
        } else {
            return new Refused("\"" + holder.nick() + "\" is already taken. Please choose another nickname.");
        }
        byKey.put(key, new Entry(nick, socketId, granted));
        keyBySocket.put(socketId, key);
        return new Granted(nick, granted, replaced);
    }

    /** Frees the nickname of {@code socketId}; returns it, or null when the socket held none. */
    public synchronized String release(String socketId) {
        String key = keyBySocket.remove(socketId);
        if (key == null) return null;
        Entry e = byKey.get(key);
        if (e == null || !e.socketId().equals(socketId)) return null;
        byKey.remove(key);
        return e.nick();
    }

    public synchronized String nickOf(String socketId) {
        String key = keyBySocket.get(socketId);
        return key == null ? null : byKey.get(key).nick();
    }

    /** The socket holding {@code nick} (any case), or null. */
    public synchronized String socketOf(String nick) {
        if (nick == null) return null;
        Entry e = byKey.get(key(nick));
        return e == null ? null : e.socketId();
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
