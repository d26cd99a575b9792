package dev.tidewire.internal.engine;

/** The {@code Set-Cookie} sent with the handshake when the {@code cookie} option is on. */
public record CookieOptions(String name, String path, boolean httpOnly, String sameSite) {
    public static CookieOptions defaults() {
        return new CookieOptions("io", "/", true, "Lax");
    }

    public String headerValue(String sid) {
        StringBuilder sb = new StringBuilder(name).append('=').append(sid);
        if (path != null && !path.isEmpty()) sb.append("; Path=").append(path);
        if (httpOnly) sb.append("; HttpOnly");
        if (sameSite != null && !sameSite.isEmpty()) sb.append("; SameSite=").append(sameSite);
        return sb.toString();
    }
}
