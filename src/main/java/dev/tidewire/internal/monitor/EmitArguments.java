package dev.tidewire.internal.monitor;

import dev.tidewire.internal.parser.JsonReader;
import dev.tidewire.internal.parser.SioParseException;

import java.util.List;

/** The arguments of an emit typed as JSON by an operator: an array is the arguments, any other value the one. */
final class EmitArguments {
    private static final Object[] NONE = {};

    private EmitArguments() {
    }

    /**
     * @throws IllegalArgumentException saying where the JSON is malformed; the parser's exception is not attached, as
     *     a remote JMX client could not load its class
     */
    static Object[] parse(String json, int maxDepth) {
        if (json == null || json.isBlank()) return NONE;
        Object value;
        try {
            value = JsonReader.parse(json, maxDepth);
        } catch (SioParseException e) {
            throw new IllegalArgumentException("the payload is not valid JSON: " + e.getMessage());
        }
        return value instanceof List<?> args ? args.toArray() : new Object[] {value};
    }
}
