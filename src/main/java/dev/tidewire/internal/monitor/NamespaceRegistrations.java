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
 * keeps its bean until a child of that name is created anew, which replaces it, or until {@link #close()}.
 */
final class NamespaceRegistrations implements AutoCloseable {
    private static final Logger LOG = System.getLogger("tidewire.monitor");

    private final MBeanServer mbeans;
    private final String contextPath;
    private final String path;
    private final Map<String, ObjectName> registered = new HashMap<>(); // by namespace name; guarded by this
    private boolean closed; // guarded by this

    private NamespaceRegistrations(MBeanServer mbeans, String contextPath, String path) {
        this.mbeans = mbeans;
        this.contextPath = contextPath;
        this.path = path;
    }

    static NamespaceRegistrations start(MBeanServer mbeans, String contextPath, String path, SocketIoServer io) {
        NamespaceRegistrations registrations = new NamespaceRegistrations(mbeans, contextPath, path);
        io.onEachNamespace(registrations::register);
        return registrations;
    }

    private synchronized void register(Namespace namespace) {
        if (closed) return;
        ObjectName previous = registered.remove(namespace.name());
        if (previous != null) unregister(mbeans, previous); // a child removed when empty, now created anew
        try {
            ObjectName name = MonitorRegistration.namespaceName(contextPath, path, namespace.name());
            mbeans.registerMBean(new NamespaceMonitor(namespace), name);
            registered.put(namespace.name(), name);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "JMX registration of namespace {0} failed: {1}", namespace.name(), e.toString());
        }
    }

    /** Unregisters them all; namespaces created afterwards are not registered. */
    @Override
    public synchronized void close() {
        closed = true;
        for (ObjectName name : registered.values()) unregister(mbeans, name);
        registered.clear();
    }

    static void unregister(MBeanServer mbeans, ObjectName name) {
        try {
            mbeans.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(Level.DEBUG, "JMX: {0} was already gone: {1}", name, e.toString());
        }
    }
}
