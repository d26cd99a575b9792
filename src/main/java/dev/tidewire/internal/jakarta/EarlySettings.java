package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import jakarta.servlet.ServletContext;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings of a server created before the web module's context exists: a {@code @Startup} bean or an EJB timer
 * that injects the server runs before the web module starts, on WildFly and on Payara. Only MicroProfile Config (or
 * the system properties) can answer then. The keys they did not have, which a context parameter would have supplied,
 * are remembered, so that the web module's start can name the context parameters that came too late.
 */
final class EarlySettings {
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Settings settings = new Settings(contextThatRecordsKeys());

    Settings settings() {
        return settings;
    }

    /** The context parameters of {@code context} that the server asked for and did not get, in name order. */
    List<String> lateParameters(ServletContext context) {
        return unanswered.stream().filter(key -> context.getInitParameter(key) != null).sorted().toList();
    }

    /**
     * Settings ask their context last, only for the keys no other source had: a stand-in context that notes each
     * key asked and answers none, so that the public {@link Settings} needs no second way in.
     */
    private ServletContext contextThatRecordsKeys() {
        return (ServletContext) Proxy.newProxyInstance(EarlySettings.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> {
                        unanswered.add((String) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the web module's context, before it exists";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
