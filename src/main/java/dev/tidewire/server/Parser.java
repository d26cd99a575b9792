package dev.tidewire.server;

import dev.tidewire.internal.parser.SioParser;

/**
 * The Socket.IO wire format a server speaks, as the reference's {@code parser} option: the clients must be built with
 * the same one. A cluster's nodes may differ, since they exchange event data, not encoded packets.
 */
public enum Parser {
    /** The reference's default ({@code socket.io-parser}): JSON text, binary as attachments. */
    DEFAULT("default", SioParser.DEFAULT),
    /**
     * The reference's {@code socket.io-msgpack-parser}: each packet one binary MessagePack message, binary in place.
     * Clients opt in with {@code io({ parser: require("socket.io-msgpack-parser") })}.
     */
    MSGPACK("msgpack", SioParser.MSGPACK);

    private final String configName;
    private final SioParser implementation;

    Parser(String configName, SioParser implementation) {
        this.configName = configName;
        this.implementation = implementation;
    }

    /** The value of the configuration key {@code tidewire.parser} that chooses it. */
    public String configName() {
        return configName;
    }

    SioParser implementation() {
        return implementation;
    }
}
