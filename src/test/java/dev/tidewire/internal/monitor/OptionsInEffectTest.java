package dev.tidewire.internal.monitor;

import dev.tidewire.internal.jakarta.SocketIoOptionsReader;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.SocketIoOptions;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The options map speaks the configuration's language: every key it shows is one the reader reads, with the value
 * in the form the key takes, so that configuring exactly what the map shows gives the same map back.
 */
class OptionsInEffectTest {
    @Test
    void everyKeyAndValueRoundTripsThroughTheReader() {
        Map<String, String> configured = new TreeMap<>(Map.ofEntries(
                Map.entry("tidewire.path", "/rt/"),
                Map.entry("tidewire.pingInterval", "1001"),
                Map.entry("tidewire.pingTimeout", "1002"),
                Map.entry("tidewire.upgradeTimeout", "1003"),
                Map.entry("tidewire.maxHttpBufferSize", "1004"),
                Map.entry("tidewire.transports", "websocket"),
                Map.entry("tidewire.allowUpgrades", "false"),
                Map.entry("tidewire.httpCompressionThreshold", "1005"),
                Map.entry("tidewire.maxOutboundPackets", "1006"),
                Map.entry("tidewire.maxOutboundBytes", "1007"),
                Map.entry("tidewire.closeTimeout", "1008"),
                Map.entry("tidewire.addTrailingSlash", "false"),
                Map.entry("tidewire.allowEIO3", "true"),
                Map.entry("tidewire.perMessageDeflate", "true"),
                Map.entry("tidewire.perMessageDeflateThreshold", "1012"),
                Map.entry("tidewire.cors.origin", "https://a.example,https://b.example"),
                Map.entry("tidewire.cors.credentials", "true"),
                Map.entry("tidewire.cors.methods", "GET,POST"),
                Map.entry("tidewire.cors.allowedHeaders", "x-a,x-b"),
                Map.entry("tidewire.cors.exposedHeaders", "x-c"),
                Map.entry("tidewire.cors.maxAge", "60"),
                Map.entry("tidewire.cookie", "true"),
                Map.entry("tidewire.cookie.name", "sticky"),
                Map.entry("tidewire.cookie.path", "/app"),
                Map.entry("tidewire.cookie.httpOnly", "false"),
                Map.entry("tidewire.cookie.sameSite", "Strict"),
                Map.entry("tidewire.connectTimeout", "1009"),
                Map.entry("tidewire.serveClient", "false"),
                Map.entry("tidewire.maxPendingEvents", "1010"),
                Map.entry("tidewire.cleanupEmptyChildNamespaces", "true"),
                Map.entry("tidewire.maxAttachments", "3"),
                Map.entry("tidewire.maxJsonDepth", "7"),
                Map.entry("tidewire.maxAckId", "1011"),
                Map.entry("tidewire.parser", "msgpack")));
        assertEquals(configured, OptionsInEffect.of(SocketIoOptionsReader.read(settings(configured))));
    }

    @Test
    void theDefaultsLeaveCorsAndTheCookieOut() {
        Map<String, String> defaults = OptionsInEffect.of(SocketIoOptions.defaults());
        assertEquals("false", defaults.get("tidewire.cookie"));
        assertEquals(List.of(), defaults.keySet().stream()
                .filter(k -> k.startsWith("tidewire.cors") || k.startsWith("tidewire.cookie.")).toList());
        assertEquals(defaults, OptionsInEffect.of(SocketIoOptionsReader.read(settings(Map.of()))));
    }

    /** Only context parameters, as OptionsReaderTest does: no system properties leak into other tests. */
    private static Settings settings(Map<String, String> params) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(OptionsInEffectTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) return params.get((String) args[0]);
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Settings(context);
    }
}
