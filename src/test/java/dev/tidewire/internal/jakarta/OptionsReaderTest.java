package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.CookieOptions;
import dev.tidewire.internal.engine.CorsOptions;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.engine.WebSocketFraming;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.AdapterFactory;
import dev.tidewire.server.Parser;
import dev.tidewire.server.RecoveryOptions;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.fixture.JsonEnvelopeParser;
import dev.tidewire.server.parser.PacketDecoder;
import dev.tidewire.server.parser.SocketIoPacket;
import dev.tidewire.server.parser.SocketIoParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SocketIoOptionsReader} and {@link EngineOptionsReader} over servlet context parameters (no system properties,
 * so nothing leaks into other tests): every key is read, unset keys keep the defaults, and a bad value stops with a
 * message naming the key.
 */
class OptionsReaderTest {
    private final Map<String, String> params = new HashMap<>();

    private Settings settings() {
        return ContextParameters.settingsOf(params);
    }

    private SocketIoOptions read() {
        return SocketIoOptionsReader.read(settings());
    }

    private void given(String key, String value) {
        params.put("tidewire." + key, value);
    }

    @Test
    void unsetKeysKeepTheDefaults() {
        assertEquals(SocketIoOptions.defaults(), read());
    }

    @Test
    void everyEngineKeyIsRead() {
        given("path", "/io/");
        given("pingInterval", "1e3");
        given("pingTimeout", "2000");
        given("upgradeTimeout", "3000");
        given("maxHttpBufferSize", "4000");
        given("transports", "websocket");
        given("allowUpgrades", "false");
        given("httpCompressionThreshold", "0");
        given("maxOutboundPackets", "5");
        given("maxOutboundBytes", "6000000000");
        given("closeTimeout", "7000");
        given("addTrailingSlash", "false");
        given("allowEIO3", "true");
        given("perMessageDeflate", "true");
        given("perMessageDeflateThreshold", "512");
        given("webSocketFraming", "Container");
        given("undertowFastPath", "false");
        EngineOptions e = read().engine();
        assertEquals(new EngineOptions("/io/", 1000, 2000, 3000, 4000, List.of("websocket"), false, null, null, null,
                0, 5, 6_000_000_000L, 7000, false, true, true, 512, WebSocketFraming.CONTAINER, false), e);
    }

    @Test
    void compressionDefaultsAreTheReferences() {
        EngineOptions e = read().engine();
        assertEquals(false, e.perMessageDeflate(), "perMessageDeflate is off unless asked for");
        assertEquals(1024, e.perMessageDeflateThreshold());
        assertEquals(1024, e.httpCompressionThreshold());
    }

    @Test
    void corsAndCookieKeysAreRead() {
        given("cors.origin", "https://a.example, https://b.example");
        given("cors.credentials", "true");
        given("cors.methods", "GET,POST");
        given("cors.allowedHeaders", "x-token");
        given("cors.exposedHeaders", "x-id");
        given("cors.maxAge", "0");
        given("cookie", "true");
        given("cookie.name", "sticky");
        given("cookie.path", "/app");
        given("cookie.httpOnly", "false");
        given("cookie.sameSite", "Strict");
        EngineOptions e = read().engine();
        assertEquals(new CorsOptions(List.of("https://a.example", "https://b.example"), true, List.of("GET", "POST"),
                List.of("x-token"), List.of("x-id"), 0), e.cors());
        assertEquals(new CookieOptions("sticky", "/app", false, "Strict"), e.cookie());
    }

    @Test
    void corsWithOnlyAnOriginTakesTheOtherDefaultsAndTheCookieIsOffUnlessAskedFor() {
        given("cors.origin", "*");
        EngineOptions e = read().engine();
        assertEquals(new CorsOptions(List.of("*"), false, CorsOptions.DEFAULT_METHODS, List.of(), List.of(), -1),
                e.cors());
        assertNull(e.cookie());
        given("cookie", "true");
        assertEquals(CookieOptions.defaults(), read().engine().cookie());
    }

    @Test
    void everySocketIoKeyIsRead() {
        given("connectTimeout", "1234");
        given("serveClient", "false");
        given("maxAttachments", "0");
        given("maxJsonDepth", "1");
        given("maxAckId", "0");
        given("maxPendingEvents", "9");
        given("cleanupEmptyChildNamespaces", "true");
        SocketIoOptions o = read();
        assertEquals(new SocketIoOptions(SocketIoOptions.defaults().engine(), 1234, false, new ParserLimits(0, 1, 0), 9,
                AdapterFactory.LOCAL, null, Parser.DEFAULT, true),
                o);
    }

    @Test
    void theParserIsTheDefaultOneUnlessMsgpackIsAskedForAndAnUnknownOneStops() {
        assertEquals(Parser.DEFAULT, read().parser());
        given("parser", "msgpack");
        assertEquals(Parser.MSGPACK, read().parser());
        given("parser", "default");
        assertEquals(Parser.DEFAULT, read().parser());
        assertStops("parser", "json", "must be default, msgpack or the fully qualified name of a class implementing"
                + " dev.tidewire.server.parser.SocketIoParser", "was: json");
        assertStops("parser", "MsgPack", "must be default, msgpack or", "was: MsgPack");
    }

    @Test
    void aParserClassIsMadeWithItsNoArgConstructor() {
        given("parser", JsonEnvelopeParser.class.getName());
        SocketIoOptions o = read();
        assertInstanceOf(JsonEnvelopeParser.class, o.customParser());
        assertEquals(Parser.DEFAULT, o.parser(), "the custom parser replaces it");
        assertEquals(JsonEnvelopeParser.class.getName(), o.parserName());
        assertEquals(SocketIoOptions.defaults().withParser(o.customParser()), o, "nothing else changes");
    }

    @Test
    void aParserClassIsLoadedWithTheDeploymentsClassLoader() {
        given("parser", JsonEnvelopeParser.class.getName());
        ClassLoader bootstrapOnly = new ClassLoader(null) {
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SocketIoOptionsReader.read(settings(), bootstrapOnly));
        assertTrue(e.getMessage().contains("no such class in the deployment"), e.getMessage());
        assertInstanceOf(JsonEnvelopeParser.class,
                SocketIoOptionsReader.read(settings(), JsonEnvelopeParser.class.getClassLoader()).customParser());
    }

    /** Not a parser: no public no-arg constructor. */
    public static final class NeedsAnArgument extends JsonEnvelopeParserBase {
        public NeedsAnArgument(String unused) {
        }
    }

    /** Not a parser: its constructor fails. */
    public static final class FailsToStart extends JsonEnvelopeParserBase {
        public FailsToStart() {
            throw new IllegalStateException("no configuration found");
        }
    }

    /** Not a parser: not public. */
    static final class Hidden extends JsonEnvelopeParserBase {
    }

    /** Not a parser: abstract. */
    public abstract static class JsonEnvelopeParserBase implements SocketIoParser {
        private final SocketIoParser format = new JsonEnvelopeParser();

        @Override
        public List<?> encode(SocketIoPacket packet) {
            return format.encode(packet);
        }

        @Override
        public PacketDecoder newDecoder() {
            return format.newDecoder();
        }
    }

    @Test
    void aParserClassThatCannotBeMadeStopsWithTheReason() {
        String here = OptionsReaderTest.class.getName();
        assertStops("parser", "com.example.NoSuchParser", "names the parser class com.example.NoSuchParser",
                "no such class in the deployment");
        assertStops("parser", "java.lang.String", "does not implement dev.tidewire.server.parser.SocketIoParser");
        assertStops("parser", here + "$NeedsAnArgument", "has no public no-arg constructor");
        assertStops("parser", here + "$FailsToStart", "its constructor threw",
                "IllegalStateException: no configuration found");
        assertStops("parser", here + "$Hidden", "must be a public, non-abstract class");
        assertStops("parser", here + "$JsonEnvelopeParserBase", "must be a public, non-abstract class");
    }

    @Test
    void recoveryIsOffUnlessItsDurationIsSetAndSkipsTheMiddlewaresByDefault() {
        assertEquals(null, read().recovery());
        given("recovery.maxDisconnectionDuration", "120000");
        assertEquals(new RecoveryOptions(120_000, true), read().recovery());
        given("recovery.skipMiddlewares", "false");
        assertEquals(new RecoveryOptions(120_000, false), read().recovery());
        assertStops("recovery.maxDisconnectionDuration", "0", "must be positive", "was: 0");
    }

    private void assertStops(String key, String value, String... inMessage) {
        params.clear();
        if (key.startsWith("cors.")) given("cors.origin", "*"); // the other cors keys are read only with it
        given(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::read, key + "=" + value);
        assertTrue(e.getMessage().contains("tidewire." + key), e.getMessage());
        for (String part : inMessage) assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pingInterval", "pingTimeout", "upgradeTimeout", "maxHttpBufferSize", "maxOutboundPackets",
            "maxOutboundBytes", "closeTimeout", "connectTimeout", "maxPendingEvents", "maxJsonDepth"})
    void zeroAndNegativeTimesSizesAndBoundsStop(String key) {
        assertStops(key, "0", "must be positive", "was: 0");
        assertStops(key, "-5", "must be positive", "was: -5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"httpCompressionThreshold", "perMessageDeflateThreshold", "maxAttachments", "maxAckId",
            "cors.maxAge"})
    void negativeThresholdsAndLimitsStopButZeroIsAllowed(String key) {
        if (key.startsWith("cors.")) given("cors.origin", "*");
        given(key, "0");
        read();
        assertStops(key, "-1", "must be at least 0", "was: -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxHttpBufferSize", "httpCompressionThreshold", "perMessageDeflateThreshold",
            "maxOutboundPackets", "maxAttachments", "maxJsonDepth", "maxPendingEvents"})
    void intKeysAboveTheIntRangeStopRatherThanWrap(String key) {
        assertStops(key, "3000000000", "must be at most 2147483647");
    }

    @Test
    void aJsonDepthAboveWhatTheRecursiveReaderAffordsStops() {
        given("maxJsonDepth", "1000");
        assertEquals(1000, read().parserLimits().maxDepth());
        assertStops("maxJsonDepth", "1001", "must be at most 1000", "was: 1001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pingInterval", "maxOutboundBytes", "connectTimeout", "maxAckId"})
    void longKeysAboveTheLongRangeOrFractionalOrWordsStop(String key) {
        assertStops(key, "1e30", "whole number");
        assertStops(key, "2.5", "whole number");
        assertStops(key, "soon", "whole number");
    }

    @Test
    void aPathWithoutLeadingSlashOrAnUnknownTransportStops() {
        assertStops("path", "socket.io/", "must start with /");
        assertStops("transports", "polling,carrier-pigeon", "polling, websocket or both", "carrier-pigeon");
        assertStops("transports", " , ", "polling, websocket or both");
    }

    @Test
    void aBadBooleanStops() {
        assertStops("allowUpgrades", "yes", "true or false");
        assertStops("serveClient", "1", "true or false");
        assertStops("cleanupEmptyChildNamespaces", "on", "true or false");
    }
}
