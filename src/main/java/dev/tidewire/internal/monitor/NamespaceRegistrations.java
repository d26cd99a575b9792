package dev.tidewire.internal.monitor;

import dev.tidewire.server.Namespace;
import dev.tidewire.server.SocketIoServer;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;

/**
 * The namespace MXBeans of one server: one for each namespace that exists at start and for each created later, until
 * {@link #close()}, each namespace once ({@link SocketIoServer#onEachNamespace}). A dynamic child removed when empty
 * loses its bean ({@link SocketIoServer#onNamespaceRemoved}), so that short-lived children do not pile up beans; a
 * child created anew under that name gets a bean again.
 */
final class NamespaceRegistrations implements AutoCloseable {
    private static final Logger LOG = System.getLogger("tidewire.monitor");

    private final MBeanServer mbeans;
    private final String contextPath;
    private final String path;
    private final Map<String, Registered> registered = new HashMap<>(); // by namespace name; guarded by this
    private boolean closed; // guarded by this

    private NamespaceRegistrations(MBeanServer mbeans, String contextPath, String path) {
        this.mbeans = mbeans;
        this.contextPath = contextPath;
        this.path = path;
    }

    static NamespaceRegistrations start(MBeanServer mbeans, String contextPath, String path, SocketIoServer io) {
        NamespaceRegistrations registrations = new NamespaceRegistrations(mbeans, contextPath, path);
        io.onNamespaceRemoved(registrations::unregisterRemoved);
        io.onEachNamespace(registrations::register);
        return registrations;
    }

    private synchronized void register(Namespace namespace) {
        if (closed) return;
        Registered previous = registered.remove(namespace.name());
        if (previous != null) unregister(mbeans, previous.name()); // removed, created anew before the removal was told
        try {
            ObjectName name = MonitorRegistration.namespaceName(contextPath, path, namespace.name());
            mbeans.registerMBean(new NamespaceMonitor(namespace), name);
            registered.put(namespace.name(), new Registered(namespace, name));
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "JMX registration of namespace {0} failed: {1}", namespace.name(), e.toString());
        }
    }

    /** Unregisters a removed child's bean, unless a child created anew under its name holds it by now. */
    private synchronized void unregisterRemoved(Namespace namespace) {
        Registered current = registered.get(namespace.name());
        if (current == null || current.namespace() != namespace) return;
        registered.remove(namespace.name());
        unregister(mbeans, current.name());
    }

    /** Unregisters them all; namespaces created afterwards are not registered. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Registered r : registered.values()) unregister(mbeans, r.name());
        registered.clear();
    }

    static void unregister(MBeanServer mbeans, ObjectName name) {
        try {
            mbeans.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(Level.DEBUG, "JMX: {0} was already gone: {1}", name, e.toString());
        }
    }

    private record Registered(Namespace namespace, ObjectName name) {
    }
}
