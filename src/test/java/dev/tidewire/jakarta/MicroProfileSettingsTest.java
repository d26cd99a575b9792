package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Where MicroProfile Config is, it is the first source, asked with the deployment's class loader; where it is not (no
 * API, or no implementation), settings read as before, and nothing fails.
 */
class MicroProfileSettingsTest {
    private static final String KEY = "tidewire.mp-test.value";
    private static final String CONTEXT_ONLY = "tidewire.mp-test.contextOnly";
    private final ServletContext context = contextWith(Map.of(KEY, "context", CONTEXT_ONLY, "context"));
    private final ClassLoader testLoader = Thread.currentThread().getContextClassLoader();

    @BeforeEach
    void systemProperty() {
        System.setProperty(KEY, "system");
    }

    @AfterEach
    void restore() {
        System.clearProperty(KEY);
        FakeMicroProfileConfig.uninstall();
        Thread.currentThread().setContextClassLoader(testLoader);
    }

    @Test
    void microProfileConfigWinsOverTheContextParameterWhichStillFillsIn() {
        FakeMicroProfileConfig.install(Map.of(KEY, "microprofile"));
        Settings settings = new Settings(context);
        assertEquals("microprofile", settings.get(KEY));
        assertEquals("context", settings.get(CONTEXT_ONLY));
    }

    @Test
    void microProfileConfigIsAskedWithTheDeploymentsClassLoader() throws Exception {
        FakeMicroProfileConfig config = FakeMicroProfileConfig.install(Map.of());
        try (URLClassLoader deployment = new URLClassLoader(new URL[0], testLoader)) {
            Thread.currentThread().setContextClassLoader(deployment);
            new Settings(context);
            assertSame(deployment, config.askedFor);
        }
    }

    @Test
    void withTheApiButNoImplementationTheSystemPropertyComesFirst() {
        Settings settings = new Settings(context);
        assertEquals("system", settings.get(KEY));
        assertEquals("context", settings.get(CONTEXT_ONLY));
    }

    @Test
    void withoutTheApiTheSystemPropertyComesFirstAndNothingFails() throws Exception {
        FakeMicroProfileConfig.install(Map.of(KEY, "microprofile")); // visible to the test, hidden from the deployment
        ClassLoader withoutApi = new WithoutMicroProfile(testLoader);
        Thread.currentThread().setContextClassLoader(withoutApi);
        assertEquals("system", readThrough(withoutApi, KEY));
    }

    @Test
    void anApiTheDeploymentSeesButTheLibraryDoesNotIsNotUsed() throws Exception {
        FakeMicroProfileConfig.install(Map.of(KEY, "microprofile"));
        assertEquals("system", readThrough(new WithoutMicroProfile(testLoader), KEY)); // the context loader sees it
    }

    /** {@code new Settings(null).get(key)}, with the settings classes loaded by {@code loader}. */
    private static String readThrough(ClassLoader loader, String key) throws Exception {
        Class<?> settings = loader.loadClass(Settings.class.getName());
        Callable<Object> read = () -> settings.getMethod("get", String.class)
                .invoke(settings.getConstructor(ServletContext.class).newInstance((Object) null), key);
        return (String) read.call();
    }

    private static ServletContext contextWith(Map<String, String> parameters) {
        return (ServletContext) Proxy.newProxyInstance(MicroProfileSettingsTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) return parameters.get((String) args[0]);
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A class loader of a server without MicroProfile Config: the API's classes are not there, and it defines the
     * settings classes itself so that they link against what it (does not) see.
     */
    private static final class WithoutMicroProfile extends ClassLoader {
        WithoutMicroProfile(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.eclipse.microprofile.")) throw new ClassNotFoundException(name);
            if (!name.startsWith(Settings.class.getPackageName() + ".")) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineOwn(name);
            }
        }

        private Class<?> defineOwn(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) throw new ClassNotFoundException(name);
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
