package dev.tidewire.internal.jakarta;

/** Which container an object belongs to, for the few places where containers need different handling. */
final class Containers {
    private Containers() {
    }

    /** Undertow (WildFly): per-request WebSocket configurations, ordered queued sends, completion from any thread. */
    static boolean isUndertow(Object containerObject) {
        return containerObject.getClass().getName().startsWith("io.undertow.");
    }

    /** Tyrus (Payara, GlassFish): the object's class or one of its superclasses is Tyrus's. */
    static boolean isTyrus(Object containerObject) {
        for (Class<?> c = containerObject.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().startsWith("org.glassfish.tyrus.")) return true;
        }
        return false;
    }
}
