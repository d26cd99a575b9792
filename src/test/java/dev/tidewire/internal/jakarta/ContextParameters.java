package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.Settings;
import jakarta.servlet.ServletContext;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Settings over servlet context parameters only (no system properties, so nothing leaks into other tests). */
final class ContextParameters {
    private ContextParameters() {
    }

    /** Reads {@code params} as they are when a key is read; a deployment's other context methods are not needed. */
    static Settings settingsOf(Map<String, String> params) {
        return new Settings(contextOf(params));
    }

    /** A context that has {@code params} and nothing else. */
    static ServletContext contextOf(Map<String, String> params) {
        return (ServletContext) Proxy.newProxyInstance(ContextParameters.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) return params.get((String) args[0]);
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
