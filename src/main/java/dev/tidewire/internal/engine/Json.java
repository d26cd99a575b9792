package dev.tidewire.internal.engine;

/** The little JSON the engine writes itself (handshake and error bodies, JSONP scripts). */
final class Json {
    private Json() {
    }

    /** JavaScript's {@code JSON.stringify} of a string. */
    static String quote(String s) {
        return quote(s, false);
    }

    /**
     * {@link #quote}, then U+2028 and U+2029 escaped too: JSON allows them raw, but a script does not (JSONP).
     */
    static String quoteForScript(String s) {
        return quote(s, true);
    }

    private static String quote(String s, boolean forScript) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i) || forScript && (c == '\u2028' || c == '\u2029')) {
                        unicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        String hex = Integer.toHexString(c);
        sb.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) sb.append('0');
        sb.append(hex);
    }
}
