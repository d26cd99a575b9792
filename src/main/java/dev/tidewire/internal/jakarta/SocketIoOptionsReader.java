package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.server.Parser;
import dev.tidewire.server.RecoveryOptions;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.parser.SocketIoParser;

import static dev.tidewire.internal.jakarta.OptionBounds.intAtLeast;
import static dev.tidewire.internal.jakarta.OptionBounds.intBetween;
import static dev.tidewire.internal.jakarta.OptionBounds.longAtLeast;

/**
 * Binds {@link SocketIoOptions} from {@code tidewire.*} settings; the README lists every key and default. A bad value
 * stops with the key's name: a timeout, pending-event bound or JSON depth below 1, or a negative attachment or ack-id
 * limit (0 is a limit: no binary, only ack id 0), or a parser this version does not know and no class of the
 * deployment provides.
 */
public final class SocketIoOptionsReader {
    public static final String PREFIX = "tidewire.";
    static final String PARSER = PREFIX + "parser";

    private SocketIoOptionsReader() {
    }

    /** As {@link #read(Settings, ClassLoader)} with the thread's context class loader (the deployment's). */
    public static SocketIoOptions read(Settings s) {
        return read(s, contextClassLoader());
    }

    /** @param classLoader loads a parser named by its class in {@code tidewire.parser}: the deployment's */
    public static SocketIoOptions read(Settings s, ClassLoader classLoader) {
        SocketIoOptions d = SocketIoOptions.defaults();
        EngineOptions engine = EngineOptionsReader.read(s, PREFIX, d.engine());
        ParserLimits l = d.parserLimits();
        ParserLimits limits = new ParserLimits(intAtLeast(s, PREFIX + "maxAttachments", l.maxAttachments(), 0),
                intBetween(s, PREFIX + "maxJsonDepth", l.maxDepth(), 1, ParserLimits.MAX_DEPTH_CEILING),
                longAtLeast(s, PREFIX + "maxAckId", l.maxAckId(), 0));
        SocketIoOptions options = new SocketIoOptions(engine,
                longAtLeast(s, PREFIX + "connectTimeout", d.connectTimeout(), 1),
                s.getBoolean(PREFIX + "serveClient", d.serveClient()), limits,
                intAtLeast(s, PREFIX + "maxPendingEvents", d.maxPendingEvents(), 1), d.adapterFactory(),
                recovery(s), Parser.DEFAULT,
                s.getBoolean(PREFIX + "cleanupEmptyChildNamespaces", d.cleanupEmptyChildNamespaces()));
        return withParser(options, s.get(PARSER, Parser.DEFAULT.configName()), classLoader);
    }

    /**
     * The wire format: {@code default}, {@code msgpack}, or the class name of a parser of the application's own.
     * Anything else stops rather than strand the clients.
     */
    private static SocketIoOptions withParser(SocketIoOptions options, String name, ClassLoader classLoader) {
        for (Parser p : Parser.values()) {
            if (p.configName().equals(name)) return options.withParser(p);
        }
        if (!CustomParserLoader.looksLikeClassName(name)) {
            throw new IllegalArgumentException("configuration key " + PARSER + " must be default, msgpack or the"
                    + " fully qualified name of a class implementing " + SocketIoParser.class.getName() + ", was: "
                    + name);
        }
        return options.withParser(CustomParserLoader.load(PARSER, name, classLoader));
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : SocketIoOptionsReader.class.getClassLoader();
    }

    /** Connection state recovery: on when {@code recovery.maxDisconnectionDuration} is set, as in the reference. */
    private static RecoveryOptions recovery(Settings s) {
        String key = PREFIX + "recovery.maxDisconnectionDuration";
        if (s.get(key) == null) return null;
        return new RecoveryOptions(longAtLeast(s, key, 0, 1), s.getBoolean(PREFIX + "recovery.skipMiddlewares", true));
    }
}
