package dev.tidewire.server;

import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.server.parser.SocketIoParser;

import java.util.Map;

/**
 * Socket.IO server options with the reference defaults; the Engine.IO options travel inside.
 *
 * @param connectTimeout  close the connection if no namespace is joined by then (ms)
 * @param serveClient     serve the browser client bundle under the path
 * @param maxPendingEvents most events of one client waiting for its handlers; past it the client is disconnected
 * @param adapterFactory  creates each namespace's {@link Adapter}: {@link AdapterFactory#LOCAL} for a single node
 * @param recovery        connection state recovery, or {@code null} for none (the reference's default)
 * @param parser          the wire format of every client: {@link Parser#DEFAULT} or {@link Parser#MSGPACK}
 * @param customParser    a wire format of the application's own, or {@code null}; when set, it replaces
 *                        {@code parser}, which must then be {@link Parser#DEFAULT}
 * @param cleanupEmptyChildNamespaces remove a dynamic namespace's child when its last socket leaves, and close its
 *                        adapter (the reference's {@code cleanupEmptyChildNamespaces}); a later CONNECT creates it anew
 */
public record SocketIoOptions(EngineOptions engine, long connectTimeout, boolean serveClient, ParserLimits parserLimits,
                              int maxPendingEvents, AdapterFactory adapterFactory,
                              RecoveryOptions recovery, Parser parser,
                              boolean cleanupEmptyChildNamespaces, SocketIoParser customParser) {
    public static final String DEFAULT_PATH = "/socket.io/";

    public SocketIoOptions {
        if (connectTimeout <= 0) throw new IllegalArgumentException("connectTimeout must be positive");
        if (maxPendingEvents <= 0) throw new IllegalArgumentException("maxPendingEvents must be positive");
        if (adapterFactory == null) throw new IllegalArgumentException("adapterFactory must be set");
        if (parser == null) throw new IllegalArgumentException("parser must be set");
        if (customParser != null && parser != Parser.DEFAULT) {
            throw new IllegalArgumentException("a custom parser replaces the " + parser.configName() + " parser: "
                    + "choose one");
        }
    }

    /** Without a parser of the application's own: the signature from before there could be one. */
    public SocketIoOptions(EngineOptions engine, long connectTimeout, boolean serveClient, ParserLimits parserLimits,
                           int maxPendingEvents, AdapterFactory adapterFactory, RecoveryOptions recovery,
                           Parser parser, boolean cleanupEmptyChildNamespaces) {
        this(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents, adapterFactory, recovery, parser,
                cleanupEmptyChildNamespaces, null);
    }

    /** With the default parser: the signature from before the parser was an option. */
    public SocketIoOptions(EngineOptions engine, long connectTimeout, boolean serveClient, ParserLimits parserLimits,
                           int maxPendingEvents, AdapterFactory adapterFactory, RecoveryOptions recovery) {
        this(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents, adapterFactory, recovery,
                Parser.DEFAULT, false, null);
    }

    public static SocketIoOptions defaults() {
        return new SocketIoOptions(EngineOptions.builder().path(DEFAULT_PATH).build(), 45_000, true,
                ParserLimits.DEFAULTS, 1024, AdapterFactory.LOCAL, null, Parser.DEFAULT, false, null);
    }

    public SocketIoOptions withEngine(EngineOptions e) {
        return new SocketIoOptions(e, connectTimeout, serveClient, parserLimits, maxPendingEvents,
                adapterFactory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    /** Handshakes are first put to {@code gate}; a refusal is answered with error 4 (403) and its message. */
    public SocketIoOptions withAllowRequest(AllowRequest gate) {
        return withEngine(engine.toBuilder()
                .allowRequest(request -> gate.check(new Handshake(request, System.currentTimeMillis(), Map.of())))
                .build());
    }

    public SocketIoOptions withConnectTimeout(long ms) {
        return new SocketIoOptions(engine, ms, serveClient, parserLimits, maxPendingEvents,
                adapterFactory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    public SocketIoOptions withServeClient(boolean serve) {
        return new SocketIoOptions(engine, connectTimeout, serve, parserLimits, maxPendingEvents,
                adapterFactory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    public SocketIoOptions withParserLimits(ParserLimits limits) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, limits, maxPendingEvents,
                adapterFactory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    public SocketIoOptions withMaxPendingEvents(int max) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, max,
                adapterFactory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    public SocketIoOptions withAdapterFactory(AdapterFactory factory) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents,
                factory, recovery, parser, cleanupEmptyChildNamespaces, customParser);
    }

    /** Connection state recovery on ({@code null}: off). */
    public SocketIoOptions withRecovery(RecoveryOptions r) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents,
                adapterFactory, r, parser, cleanupEmptyChildNamespaces, customParser);
    }

    /**
     * The wire format of every client (the reference's {@code parser} option); the default parser unless set. Replaces
     * a parser of the application's own.
     */
    public SocketIoOptions withParser(Parser p) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents, adapterFactory,
                recovery, p, cleanupEmptyChildNamespaces, null);
    }

    /**
     * A wire format of the application's own for every client, as the reference's {@code parser} option takes any
     * object with an {@code Encoder} and a {@code Decoder}; see {@link dev.tidewire.server.parser}.
     */
    public SocketIoOptions withParser(SocketIoParser custom) {
        if (custom == null) throw new IllegalArgumentException("parser must be set");
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents, adapterFactory,
                recovery, Parser.DEFAULT, cleanupEmptyChildNamespaces, custom);
    }

    /** The parser's name: {@code tidewire.parser}'s value that chooses it (a custom parser's class name). */
    public String parserName() {
        return customParser != null ? customParser.getClass().getName() : parser.configName();
    }

    /**
     * A dynamic namespace's child is removed when its last socket leaves (also when the only socket connecting is
     * refused by a middleware), and its adapter closed; a later CONNECT to that name creates it anew, and
     * {@link SocketIoServer#onNewNamespace} listeners hear of it again. Off by default, as in the reference.
     */
    public SocketIoOptions withCleanupEmptyChildNamespaces(boolean cleanup) {
        return new SocketIoOptions(engine, connectTimeout, serveClient, parserLimits, maxPendingEvents, adapterFactory,
                recovery, parser, cleanup, customParser);
    }
}
