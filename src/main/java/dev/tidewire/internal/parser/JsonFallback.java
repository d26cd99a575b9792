package dev.tidewire.internal.parser;

/**
 * Writes a value that {@link JsonWriter} does not know (a user's record or bean, a UUID, ...) as JSON text. The
 * server plugs in JSON-B here; the parser stays free of any binding framework.
 */
@FunctionalInterface
public interface JsonFallback {

    /** Refuses every unknown type, naming its class so the caller sees what needs a fallback. */
    JsonFallback REJECT = value -> {
        throw new IllegalArgumentException("cannot write " + value.getClass().getName()
                + " as JSON: no JsonFallback handles it");
    };

    /** @return the complete JSON text for {@code value}; it is inserted into the output unchecked */
    String toJson(Object value);
}
