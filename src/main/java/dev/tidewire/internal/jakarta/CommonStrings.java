package dev.tidewire.internal.jakarta;

import java.util.Map;
import java.util.TreeMap;

/**
 * Shared instances of the header names and query keys and values that nearly every Engine.IO request carries, so
 * that a session's copy of its request does not hold its own copies of them (about 0.7 KB per connection). Only this
 * fixed table is shared; nothing a client sends is ever added to it.
 */
final class CommonStrings {
    private static final Map<String, String> HEADER_NAMES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, String> QUERY_WORDS = Map.of(
            "EIO", "EIO", "transport", "transport", "sid", "sid", "t", "t",
            "4", "4", "3", "3", "websocket", "websocket", "polling", "polling");

    static {
        for (String name : new String[] {"host", "connection", "upgrade", "origin", "user-agent", "accept",
                "accept-encoding", "accept-language", "cache-control", "pragma", "cookie", "referer", "authorization",
                "content-type", "content-length", "sec-websocket-key", "sec-websocket-version",
                "sec-websocket-extensions", "sec-websocket-protocol", "sec-fetch-dest", "sec-fetch-mode",
                "sec-fetch-site", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip", "forwarded"}) {
            HEADER_NAMES.put(name, name);
        }
    }

    private CommonStrings() {
    }

    /** The header name in lower case, a shared instance when it is a common one. */
    static String headerName(String name) {
        String shared = HEADER_NAMES.get(name);
        return shared != null ? shared : name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The shared instance of a common query key or value, else {@code word} itself. */
    static String queryWord(String word) {
        return QUERY_WORDS.getOrDefault(word, word);
    }
}
