package dev.tidewire.internal.monitor;

import dev.tidewire.internal.engine.CookieOptions;
import dev.tidewire.internal.engine.CorsOptions;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.server.SocketIoOptions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server's options as the {@code tidewire.*} keys that configure them (the README's table), each with the value in
 * effect, defaults included, in the form the key takes (lists comma-separated). Options left unset (CORS off, no
 * cookie, CORS headers and max-age not given) are absent. Not here: {@code tidewire.enabled} and the demo's keys,
 * which configure the deployment rather than the server, and the {@code AllowRequest} gate, which is a bean.
 */
final class OptionsInEffect {
    private static final String PREFIX = "tidewire.";

    private OptionsInEffect() {
    }

    static Map<String, String> of(SocketIoOptions options) {
        Map<String, String> out = new TreeMap<>();
        EngineOptions e = options.engine();
        put(out, "path", e.path());
        put(out, "pingInterval", e.pingInterval());
        put(out, "pingTimeout", e.pingTimeout());
        put(out, "upgradeTimeout", e.upgradeTimeout());
        put(out, "maxHttpBufferSize", e.maxHttpBufferSize());
        put(out, "transports", String.join(",", e.transports()));
        put(out, "allowUpgrades", e.allowUpgrades());
        put(out, "httpCompressionThreshold", e.httpCompressionThreshold());
        put(out, "maxOutboundPackets", e.maxOutboundPackets());
        put(out, "maxOutboundBytes", e.maxOutboundBytes());
        put(out, "closeTimeout", e.closeTimeout());
        put(out, "addTrailingSlash", e.addTrailingSlash());
        put(out, "allowEIO3", e.allowEIO3());
        put(out, "perMessageDeflate", e.perMessageDeflate());
        put(out, "perMessageDeflateThreshold", e.perMessageDeflateThreshold());
        if (e.cors() != null) putCors(out, e.cors());
        put(out, "cookie", e.cookie() != null);
        if (e.cookie() != null) putCookie(out, e.cookie());
        put(out, "connectTimeout", options.connectTimeout());
        put(out, "serveClient", options.serveClient());
        put(out, "maxPendingEvents", options.maxPendingEvents());
        put(out, "cleanupEmptyChildNamespaces", options.cleanupEmptyChildNamespaces());
        ParserLimits limits = options.parserLimits();
        put(out, "maxAttachments", limits.maxAttachments());
        put(out, "maxJsonDepth", limits.maxDepth());
        put(out, "maxAckId", limits.maxAckId());
        put(out, "parser", options.parserName());
        return Collections.unmodifiableMap(out);
    }

    private static void putCors(Map<String, String> out, CorsOptions cors) {
        put(out, "cors.origin", String.join(",", cors.origins()));
        put(out, "cors.credentials", cors.credentials());
        put(out, "cors.methods", String.join(",", cors.methods()));
        putUnlessEmpty(out, "cors.allowedHeaders", cors.allowedHeaders());
        putUnlessEmpty(out, "cors.exposedHeaders", cors.exposedHeaders());
        if (cors.maxAgeSeconds() >= 0) put(out, "cors.maxAge", cors.maxAgeSeconds());
    }

    private static void putCookie(Map<String, String> out, CookieOptions cookie) {
        put(out, "cookie.name", cookie.name());
        put(out, "cookie.path", cookie.path());
        put(out, "cookie.httpOnly", cookie.httpOnly());
        put(out, "cookie.sameSite", cookie.sameSite());
    }

    private static void putUnlessEmpty(Map<String, String> out, String key, List<String> values) {
        if (!values.isEmpty()) put(out, key, String.join(",", values));
    }

    private static void put(Map<String, String> out, String key, Object value) {
        out.put(PREFIX + key, String.valueOf(value));
    }
}
