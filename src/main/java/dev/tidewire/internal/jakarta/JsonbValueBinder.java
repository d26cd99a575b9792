package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.server.ValueBinder;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Binds decoded JSON values to application types with JSON-B; plain JSON values pass through untouched. */
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
        }
        return jsonb.fromJson(JsonWriter.toJson(value, this::toJson), type);
    }

    @Override
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }
}
