package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import dev.tidewire.internal.engine.CookieOptions;
import dev.tidewire.internal.engine.CorsOptions;
import dev.tidewire.internal.engine.EngineOptions;

import java.util.List;

/** Binds {@link EngineOptions} from {@link Settings}; every key and default is listed in the README. */
public final class EngineOptionsReader {
    private EngineOptionsReader() {
    }

    /** @param base the defaults to start from (the reference's, or a fixture's) */
    public static EngineOptions read(Settings s, String prefix, EngineOptions base) {
        EngineOptions.Builder b = base.toBuilder()
                .path(s.get(prefix + "path", base.path()))
                .pingInterval(s.getLong(prefix + "pingInterval", base.pingInterval()))
                .pingTimeout(s.getLong(prefix + "pingTimeout", base.pingTimeout()))
                .upgradeTimeout(s.getLong(prefix + "upgradeTimeout", base.upgradeTimeout()))
                .maxHttpBufferSize(s.getInt(prefix + "maxHttpBufferSize", base.maxHttpBufferSize()))
                .transports(s.getList(prefix + "transports", base.transports()))
                .allowUpgrades(s.getBoolean(prefix + "allowUpgrades", base.allowUpgrades()))
                .httpCompressionThreshold(s.getInt(prefix + "httpCompressionThreshold", base.httpCompressionThreshold()))
                .maxOutboundPackets(s.getInt(prefix + "maxOutboundPackets", base.maxOutboundPackets()))
                .maxOutboundBytes(s.getLong(prefix + "maxOutboundBytes", base.maxOutboundBytes()))
                .closeTimeout(s.getLong(prefix + "closeTimeout", base.closeTimeout()))
                .addTrailingSlash(s.getBoolean(prefix + "addTrailingSlash", base.addTrailingSlash()));
        List<String> origins = s.getList(prefix + "cors.origin", null);
        if (origins != null) {
            CorsOptions c = base.cors() != null ? base.cors() : CorsOptions.anyOrigin();
            b.cors(new CorsOptions(origins,
                    s.getBoolean(prefix + "cors.credentials", c.credentials()),
                    s.getList(prefix + "cors.methods", c.methods()),
                    s.getList(prefix + "cors.allowedHeaders", c.allowedHeaders()),
                    s.getList(prefix + "cors.exposedHeaders", c.exposedHeaders()),
                    s.getInt(prefix + "cors.maxAge", c.maxAgeSeconds())));
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
}
