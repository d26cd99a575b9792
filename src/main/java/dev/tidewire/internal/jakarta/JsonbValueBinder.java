package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.server.ValueBinder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Binds decoded JSON values to application types with JSON-B; plain JSON values pass through untouched. Whole-number
 * types ({@code int}, {@code long}, {@code short}, {@code byte} and their boxes) take only numbers they hold exactly:
 * JSON-B would wrap 3000000000 into a negative {@code int} and cut 1.5 to 1.
 */
final class JsonbValueBinder implements ValueBinder {
    private final Jsonb jsonb;

    JsonbValueBinder(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T bind(Object value, Type type) {
        if (value == null) return null;
        if (type instanceof Class<?> c) {
            if (c == Object.class || c.isInstance(value) && !(value instanceof Map) && !(value instanceof List)) {
                return (T) value;
            }
            if (c == String.class) return (T) String.valueOf(value);
            if (value instanceof Number n && isWholeNumberType(c)) return (T) exactly(n, c);
        }
        return jsonb.fromJson(JsonWriter.toJson(value, this::toJson), type);
    }

    @Override
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }

    private static boolean isWholeNumberType(Class<?> c) {
        return c == int.class || c == Integer.class || c == long.class || c == Long.class
                || c == short.class || c == Short.class || c == byte.class || c == Byte.class;
    }

    /** The decoder reads every whole number that fits a long as a Long; anything else is a fraction or too big. */
    private static Object exactly(Number n, Class<?> c) {
        if (!(n instanceof Long whole)) throw new JsonbException(n + " is not a whole number for " + c.getName());
        long v = whole;
        if (c == long.class || c == Long.class) return v;
        if ((c == int.class || c == Integer.class) && v == (int) v) return (int) v;
        if ((c == short.class || c == Short.class) && v == (short) v) return (short) v;
        if ((c == byte.class || c == Byte.class) && v == (byte) v) return (byte) v;
        throw new JsonbException(v + " is out of range for " + c.getName());
    }
}
