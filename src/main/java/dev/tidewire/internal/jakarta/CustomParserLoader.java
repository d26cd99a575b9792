package dev.tidewire.internal.jakarta;

import dev.tidewire.server.parser.SocketIoParser;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;

/**
 * Makes the parser a setting names by its class: a public class implementing {@link SocketIoParser} with a public
 * no-arg constructor, loaded with the deployment's class loader. Each way it can fail stops with the key, the name and
 * what is wrong, as a bad value of any other key does.
 */
final class CustomParserLoader {
    /** Dotted Java identifiers, nested classes with {@code $}: a package is required, as a class in none is unusable. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)+");

    private CustomParserLoader() {
    }

    static boolean looksLikeClassName(String value) {
        return CLASS_NAME.matcher(value).matches();
    }

    /** @throws IllegalArgumentException naming {@code key} and {@code className} when no parser can be made of it */
    static SocketIoParser load(String key, String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw stop(key, className, "no such class in the deployment (" + e + ")", e);
        }
        if (!SocketIoParser.class.isAssignableFrom(type)) {
            throw stop(key, className, "it does not implement " + SocketIoParser.class.getName(), null);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw stop(key, className, "it must be a public, non-abstract class", null);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw stop(key, className, "it has no public no-arg constructor", e);
        }
        try {
            return (SocketIoParser) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw stop(key, className, "its constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw stop(key, className, "it cannot be instantiated (" + e + ")", e);
        }
    }

    private static IllegalArgumentException stop(String key, String className, String why, Throwable cause) {
        return new IllegalArgumentException("configuration key " + key + " names the parser class " + className
                + ", but " + why, cause);
    }
}
