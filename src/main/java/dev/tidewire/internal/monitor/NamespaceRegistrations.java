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
 * {@link #close()}. Registering is once per namespace name, which is what lets {@link #start} add the listener first
 * and then walk the existing namespaces: one created in between reaches both ways and is still registered once.
 */
final class NamespaceRegistrations implements AutoCloseable {
    private static final Logger LOG = System.getLogger("tidewire.monitor");

    private final MBeanServer mbeans;
    private final String contextPath;
    private final String path;
    private final Map<String, ObjectName> registered = new HashMap<>(); // guarded by this
    private final Map<String, Namespace> monitored = new HashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    private NamespaceRegistrations(MBeanServer mbeans, String contextPath, String path) {
        this.mbeans = mbeans;
        this.contextPath = contextPath;
        this.path = path;
    }

    static NamespaceRegistrations start(MBeanServer mbeans, String contextPath, String path, SocketIoServer io) {
        NamespaceRegistrations registrations = new NamespaceRegistrations(mbeans, contextPath, path);
        io.onNewNamespace(registrations::register);
        io.namespaces().values().forEach(registrations::register);
        return registrations;
    }

    synchronized void register(Namespace namespace) {
        if (closed || monitored.get(namespace.name()) == namespace) return;
        ObjectName previous = registered.remove(namespace.name());
        if (previous != null) unregister(mbeans, previous); // a child removed when empty, now created anew
        try {
            ObjectName name = MonitorRegistration.namespaceName(contextPath, path, namespace.name());
            mbeans.registerMBean(new NamespaceMonitor(namespace), name);
            registered.put(namespace.name(), name);
            monitored.put(namespace.name(), namespace);
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
        monitored.clear();
    }

    static void unregister(MBeanServer mbeans, ObjectName name) {
        try {
            mbeans.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(Level.DEBUG, "JMX: {0} was already gone: {1}", name, e.toString());
        }
    }
}
