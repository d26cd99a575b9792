package dev.tidewire.server;

import java.lang.reflect.Type;

/** Converts a decoded JSON value into an application type and back (JSON-B in a Jakarta EE server). */
public interface ValueBinder {
    <T> T bind(Object jsonValue, Type type);

    /** JSON text for an object the codec cannot write itself (POJOs, records). */
    String toJson(Object value);
}
