package dev.tidewire.it.payara;

/**
 * Payara Micro's runtime API ({@code PayaraMicroRuntime}), for the servlets that deploy and undeploy WARs at run time.
 * It lives in the launcher jar, on the JVM's class path and not visible to applications, so it is reached
 * reflectively through the system class loader. Add this class to the WAR of a servlet that uses it.
 */
public final class PayaraMicroRuntime {
    private PayaraMicroRuntime() {
    }

    public static Object get() throws ReflectiveOperationException {
        Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro", true, ClassLoader.getSystemClassLoader());
        Object instance = micro.getMethod("getInstance").invoke(null);
        return micro.getMethod("getRuntime").invoke(instance);
    }
}
