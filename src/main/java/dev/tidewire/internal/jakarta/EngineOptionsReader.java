package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import dev.tidewire.internal.engine.CookieOptions;
import dev.tidewire.internal.engine.CorsOptions;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.WebSocketFraming;

import java.util.List;

import static dev.tidewire.internal.jakarta.OptionBounds.intAtLeast;
import static dev.tidewire.internal.jakarta.OptionBounds.longAtLeast;

/**
 * Binds {@link EngineOptions} from {@link Settings}; every key and default is listed in the README. Times and sizes
 * are positive, the compression thresholds and CORS max-age not negative; a bad value stops with the key's name.
 */
public final class EngineOptionsReader {
    private EngineOptionsReader() {
    }

    /** @param base the defaults to start from (the reference's, or a fixture's) */
    public static EngineOptions read(Settings s, String prefix, EngineOptions base) {
        EngineOptions.Builder b = base.toBuilder()
                .path(path(s, prefix + "path", base.path()))
                .pingInterval(longAtLeast(s, prefix + "pingInterval", base.pingInterval(), 1))
                .pingTimeout(longAtLeast(s, prefix + "pingTimeout", base.pingTimeout(), 1))
                .upgradeTimeout(longAtLeast(s, prefix + "upgradeTimeout", base.upgradeTimeout(), 1))
                .maxHttpBufferSize(intAtLeast(s, prefix + "maxHttpBufferSize", base.maxHttpBufferSize(), 1))
                .transports(transports(s, prefix + "transports", base.transports()))
                .allowUpgrades(s.getBoolean(prefix + "allowUpgrades", base.allowUpgrades()))
                .httpCompressionThreshold(intAtLeast(s, prefix + "httpCompressionThreshold",
                        base.httpCompressionThreshold(), 0))
                .maxOutboundPackets(intAtLeast(s, prefix + "maxOutboundPackets", base.maxOutboundPackets(), 1))
                .maxOutboundBytes(longAtLeast(s, prefix + "maxOutboundBytes", base.maxOutboundBytes(), 1))
                .closeTimeout(longAtLeast(s, prefix + "closeTimeout", base.closeTimeout(), 1))
                .addTrailingSlash(s.getBoolean(prefix + "addTrailingSlash", base.addTrailingSlash()))
                .allowEIO3(s.getBoolean(prefix + "allowEIO3", base.allowEIO3()))
                .perMessageDeflate(s.getBoolean(prefix + "perMessageDeflate", base.perMessageDeflate()))
                .perMessageDeflateThreshold(intAtLeast(s, prefix + "perMessageDeflateThreshold",
                        base.perMessageDeflateThreshold(), 0))
                .webSocketFraming(framing(s, prefix + "webSocketFraming", base.webSocketFraming()))
                .undertowFastPath(s.getBoolean(prefix + "undertowFastPath", base.undertowFastPath()));
        List<String> origins = s.getList(prefix + "cors.origin", null);
        if (origins != null) {
            CorsOptions c = base.cors() != null ? base.cors() : CorsOptions.anyOrigin();
            b.cors(new CorsOptions(origins,
                    s.getBoolean(prefix + "cors.credentials", c.credentials()),
                    s.getList(prefix + "cors.methods", c.methods()),
                    s.getList(prefix + "cors.allowedHeaders", c.allowedHeaders()),
                    s.getList(prefix + "cors.exposedHeaders", c.exposedHeaders()),
                    intAtLeast(s, prefix + "cors.maxAge", c.maxAgeSeconds(), 0)));
        }
        if (s.getBoolean(prefix + "cookie", base.cookie() != null)) {
            CookieOptions c = base.cookie() != null ? base.cookie() : CookieOptions.defaults();
            b.cookie(new CookieOptions(s.get(prefix + "cookie.name", c.name()), s.get(prefix + "cookie.path", c.path()),
                    s.getBoolean(prefix + "cookie.httpOnly", c.httpOnly()), s.get(prefix + "cookie.sameSite", c.sameSite())));
        } else {
            b.cookie(null);
        }
        return b.build();
    }

    private static String path(Settings s, String key, String defaultValue) {
        String path = s.get(key, defaultValue);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("configuration key " + key + " must start with /, was: " + path);
        }
        return path;
    }

    private static WebSocketFraming framing(Settings s, String key, WebSocketFraming defaultValue) {
        String value = s.get(key, defaultValue.name());
        try {
            return WebSocketFraming.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be auto, container or tidewire,"
                    + " was: " + value);
        }
    }

    private static List<String> transports(Settings s, String key, List<String> defaultValue) {
        List<String> transports = s.getList(key, defaultValue);
        boolean known = transports.stream()
                .allMatch(t -> t.equals(EngineOptions.POLLING) || t.equals(EngineOptions.WEBSOCKET));
        if (transports.isEmpty() || !known) {
            throw new IllegalArgumentException("configuration key " + key + " must list polling, websocket or both,"
                    + " was: " + s.get(key));
        }
        return transports;
    }
}
