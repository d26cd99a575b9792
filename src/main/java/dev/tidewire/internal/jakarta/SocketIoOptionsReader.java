package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import dev.tidewire.internal.engine.EngineOptions;
import dev.tidewire.internal.parser.ParserLimits;
import dev.tidewire.server.SocketIoOptions;

/** Binds {@link SocketIoOptions} from {@code tidewire.*} settings; the README lists every key and default. */
public final class SocketIoOptionsReader {
    public static final String PREFIX = "tidewire.";

    private SocketIoOptionsReader() {
    }

    public static SocketIoOptions read(Settings s) {
        SocketIoOptions d = SocketIoOptions.defaults();
        EngineOptions engine = EngineOptionsReader.read(s, PREFIX, d.engine());
        ParserLimits l = d.parserLimits();
        ParserLimits limits = new ParserLimits(s.getInt(PREFIX + "maxAttachments", l.maxAttachments()),
                s.getInt(PREFIX + "maxJsonDepth", l.maxDepth()), s.getLong(PREFIX + "maxAckId", l.maxAckId()));
        return new SocketIoOptions(engine, s.getLong(PREFIX + "connectTimeout", d.connectTimeout()),
                s.getBoolean(PREFIX + "serveClient", d.serveClient()), limits,
                s.getInt(PREFIX + "maxPendingEvents", d.maxPendingEvents()));
    }
}
