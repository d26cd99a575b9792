package dev.tidewire.internal.jakarta;

/** Servlet URL patterns (Servlet 6.0, section 12.2), as far as deciding whether one matches a request's path. */
final class UrlPatterns {
    private UrlPatterns() {
    }

    /** Whether {@code pattern} matches a request to {@code path}: exact, {@code /}, {@code /*}, {@code /x/*}, {@code *.ext}. */
    static boolean matches(String pattern, String path) {
        if (pattern.equals("/") || pattern.equals("/*") || pattern.equals(path)) return true;
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) return path.endsWith(pattern.substring(1));
        return false;
    }
}
