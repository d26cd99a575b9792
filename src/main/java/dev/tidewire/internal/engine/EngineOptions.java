package dev.tidewire.internal.engine;

import java.util.List;
import java.util.Objects;

/**
 * Engine.IO server options with the reference server's defaults. Immutable; build with {@link #builder()}.
 *
 * @param maxOutboundPackets bound of a session's outbound queue in packets (our addition)
 * @param maxOutboundBytes   bound of a session's outbound queue in bytes (our addition)
 * @param closeTimeout       how long a server-initiated close waits for the client's next poll to read it
 * @param addTrailingSlash   as the reference: only {@code path} with its trailing slash is the endpoint; when false,
 *                           the path without it is served too
 * @param allowEIO3          as the reference: also accept Engine.IO v3 clients (Socket.IO v2), see {@link EngineProtocol}
 * @param perMessageDeflate  as the reference's {@code perMessageDeflate} (off by default): WebSocket messages may be
 *                           compressed (RFC 7692) where the container offers the extension; the glue installs it
 * @param perMessageDeflateThreshold messages below this many bytes are sent uncompressed (the reference's
 *                           {@code perMessageDeflate.threshold})
 * @param webSocketFraming   who frames the WebSocket transport (our addition, see {@link WebSocketFraming})
 * @param undertowFastPath   on Undertow (WildFly), with Tidewire's framing: WebSocket upgrades and polling requests
 *                           are answered in Undertow's handler chain on its I/O thread, before the servlet (our
 *                           addition; on by default; no effect elsewhere)
 */
public record EngineOptions(String path, long pingInterval, long pingTimeout, long upgradeTimeout,
                            int maxHttpBufferSize, List<String> transports, boolean allowUpgrades,
                            CorsOptions cors, CookieOptions cookie, AllowRequest allowRequest,
                            int httpCompressionThreshold, int maxOutboundPackets, long maxOutboundBytes,
                            long closeTimeout, boolean addTrailingSlash, boolean allowEIO3,
                            boolean perMessageDeflate, int perMessageDeflateThreshold,
                            WebSocketFraming webSocketFraming, boolean undertowFastPath) {
    public static final String POLLING = "polling";
    public static final String WEBSOCKET = "websocket";

    public EngineOptions {
        Objects.requireNonNull(path);
        if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
        if (!path.endsWith("/")) path = path + "/";
        transports = List.copyOf(transports);
        for (String t : transports) {
            if (!t.equals(POLLING) && !t.equals(WEBSOCKET)) throw new IllegalArgumentException("unknown transport " + t);
        }
        if (transports.isEmpty()) throw new IllegalArgumentException("at least one transport is required");
        requirePositive("pingInterval", pingInterval);
        requirePositive("pingTimeout", pingTimeout);
        requirePositive("upgradeTimeout", upgradeTimeout);
        requirePositive("maxHttpBufferSize", maxHttpBufferSize);
        requirePositive("maxOutboundPackets", maxOutboundPackets);
        requirePositive("maxOutboundBytes", maxOutboundBytes);
        requirePositive("closeTimeout", closeTimeout);
        if (httpCompressionThreshold < 0) throw new IllegalArgumentException("httpCompressionThreshold must not be negative");
        if (perMessageDeflateThreshold < 0) {
            throw new IllegalArgumentException("perMessageDeflateThreshold must not be negative");
        }
        if (allowRequest == null) allowRequest = AllowRequest.ALLOW_ALL;
        if (webSocketFraming == null) webSocketFraming = WebSocketFraming.AUTO;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, was " + value);
    }

    public boolean allows(String transport) {
        return transports.contains(transport);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.pingInterval = pingInterval;
        b.pingTimeout = pingTimeout;
        b.upgradeTimeout = upgradeTimeout;
        b.maxHttpBufferSize = maxHttpBufferSize;
        b.transports = transports;
        b.allowUpgrades = allowUpgrades;
        b.cors = cors;
        b.cookie = cookie;
        b.allowRequest = allowRequest;
        b.httpCompressionThreshold = httpCompressionThreshold;
        b.maxOutboundPackets = maxOutboundPackets;
        b.maxOutboundBytes = maxOutboundBytes;
        b.closeTimeout = closeTimeout;
        b.addTrailingSlash = addTrailingSlash;
        b.allowEIO3 = allowEIO3;
        b.perMessageDeflate = perMessageDeflate;
        b.perMessageDeflateThreshold = perMessageDeflateThreshold;
        b.webSocketFraming = webSocketFraming;
        b.undertowFastPath = undertowFastPath;
        return b;
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String path = "/engine.io/";
        private long pingInterval = 25_000;
        private long pingTimeout = 20_000;
        private long upgradeTimeout = 10_000;
        private int maxHttpBufferSize = 1_000_000;
        private List<String> transports = List.of(POLLING, WEBSOCKET);
        private boolean allowUpgrades = true;
        private CorsOptions cors;
        private CookieOptions cookie;
        private AllowRequest allowRequest = AllowRequest.ALLOW_ALL;
        private int httpCompressionThreshold = 1024;
        private int maxOutboundPackets = 4096;
        private long maxOutboundBytes = 16L << 20;
        private long closeTimeout = 30_000;
        private boolean addTrailingSlash = true;
        private boolean allowEIO3;
        private boolean perMessageDeflate = false;
        private int perMessageDeflateThreshold = 1024;
        private WebSocketFraming webSocketFraming = WebSocketFraming.AUTO;
        private boolean undertowFastPath = true;

        public Builder path(String v) { path = v; return this; }
        public Builder pingInterval(long v) { pingInterval = v; return this; }
        public Builder pingTimeout(long v) { pingTimeout = v; return this; }
        public Builder upgradeTimeout(long v) { upgradeTimeout = v; return this; }
        public Builder maxHttpBufferSize(int v) { maxHttpBufferSize = v; return this; }
        public Builder transports(List<String> v) { transports = v; return this; }
        public Builder allowUpgrades(boolean v) { allowUpgrades = v; return this; }
        public Builder cors(CorsOptions v) { cors = v; return this; }
        public Builder cookie(CookieOptions v) { cookie = v; return this; }
        public Builder allowRequest(AllowRequest v) { allowRequest = v; return this; }
        public Builder httpCompressionThreshold(int v) { httpCompressionThreshold = v; return this; }
        public Builder maxOutboundPackets(int v) { maxOutboundPackets = v; return this; }
        public Builder maxOutboundBytes(long v) { maxOutboundBytes = v; return this; }
        public Builder closeTimeout(long v) { closeTimeout = v; return this; }
        public Builder addTrailingSlash(boolean v) { addTrailingSlash = v; return this; }
        public Builder allowEIO3(boolean v) { allowEIO3 = v; return this; }
        public Builder perMessageDeflate(boolean v) { perMessageDeflate = v; return this; }
        public Builder perMessageDeflateThreshold(int v) { perMessageDeflateThreshold = v; return this; }
        public Builder webSocketFraming(WebSocketFraming v) { webSocketFraming = v; return this; }
        public Builder undertowFastPath(boolean v) { undertowFastPath = v; return this; }

        public EngineOptions build() {
            return new EngineOptions(path, pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
                    allowUpgrades, cors, cookie, allowRequest, httpCompressionThreshold, maxOutboundPackets,
                    maxOutboundBytes, closeTimeout, addTrailingSlash, allowEIO3,
                    perMessageDeflate, perMessageDeflateThreshold, webSocketFraming, undertowFastPath);
        }
    }
}
