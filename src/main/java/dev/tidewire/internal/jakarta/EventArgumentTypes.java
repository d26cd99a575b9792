package dev.tidewire.internal.jakarta;

import jakarta.json.bind.annotation.JsonbCreator;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which declared types an event argument (or the handshake auth) can be bound to: what {@link JsonbValueBinder}
 * passes through or JSON-B can create. Supported: {@code Object} (the raw JSON value), {@code byte[]} (binary),
 * primitives, Java platform types (strings, numbers, collections, maps, {@code Optional}, JSON-P values), enums,
 * records, and classes with a no-argument constructor or a {@code @JsonbCreator}; arrays and type arguments of these.
 */
final class EventArgumentTypes {
    private EventArgumentTypes() {
    }

    /** Why the type cannot be bound, or empty when it can. */
    static Optional<String> problem(Type type) {
        if (type instanceof Class<?> c) return problem(c);
        if (type instanceof ParameterizedType p) return firstProblem(p.getRawType(), p.getActualTypeArguments());
        if (type instanceof GenericArrayType a) return problem(a.getGenericComponentType());
        if (type instanceof WildcardType w) return firstProblem(w.getUpperBounds());
        if (type instanceof TypeVariable<?> v) {
            return Optional.of("type variable " + v.getName() + " has no concrete type for JSON-B to create");
        }
        return Optional.of("unknown kind of type " + type.getTypeName());
    }

    private static Optional<String> firstProblem(Type first, Type... more) {
        Optional<String> p = problem(first);
        return p.isPresent() ? p : firstProblem(more);
    }

    private static Optional<String> firstProblem(Type[] types) {
        for (Type t : types) {
            Optional<String> p = problem(t);
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Class<?> c) {
        if (c.isPrimitive() || c.isEnum()) return Optional.empty();
        if (c.isArray()) return problem(c.getComponentType());
        if (isTidewireApi(c)) return Optional.of(c.getSimpleName() + " is a server type, not a value a client sends");
        boolean abstractType = c.isInterface() || Modifier.isAbstract(c.getModifiers());
        if (isPlatform(c) && (!abstractType || isAbstractTypeJsonbMaps(c))) return Optional.empty();
        if (abstractType) {
            return Optional.of(c.getSimpleName() + " is an interface or abstract class, which JSON-B cannot create");
        }
        if (c.isAnonymousClass() || c.isLocalClass() || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return Optional.of(c.getSimpleName() + " is an inner class, which JSON-B cannot create without its outer"
                    + " instance; make it static");
        }
        if (c.isRecord() || hasNoArgConstructor(c) || hasJsonbCreator(c)) return Optional.empty();
        return Optional.of(c.getSimpleName() + " has neither a public or protected no-argument constructor nor a"
                + " @JsonbCreator, so JSON-B cannot create it");
    }

    /** Strings, numbers, collections, maps, dates, JSON-P values: JSON-B maps these itself. */
    private static boolean isPlatform(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jakarta.json");
    }

    /** The platform's interfaces and abstract classes JSON-B has an implementation for; not, say, Runnable. */
    private static boolean isAbstractTypeJsonbMaps(Class<?> c) {
        return Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) || c == Number.class
                || c.getPackageName().startsWith("jakarta.json");
    }

    /** The public API's types: handles and views of the server, not values. */
    private static boolean isTidewireApi(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.equals("dev.tidewire.server") || pkg.equals("dev.tidewire.jakarta");
    }

    private static boolean hasNoArgConstructor(Class<?> c) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            int mod = k.getModifiers();
            if (k.getParameterCount() == 0 && (Modifier.isPublic(mod) || Modifier.isProtected(mod))) return true;
        }
        return false;
    }

    private static boolean hasJsonbCreator(Class<?> c) {
        return Arrays.stream(c.getDeclaredConstructors()).anyMatch(k -> k.isAnnotationPresent(JsonbCreator.class))
                || Arrays.stream(c.getDeclaredMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .anyMatch((Method m) -> m.isAnnotationPresent(JsonbCreator.class));
    }
}
