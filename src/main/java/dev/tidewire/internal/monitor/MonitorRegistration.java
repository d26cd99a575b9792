package dev.tidewire.internal.monitor;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.server.SocketIoServer;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;

/**
 * A server's MXBean and its namespaces' MXBeans on an MBean server, from deployment to undeploy. Names are keyed by
 * the context path and the Socket.IO path, so two deployments, or two paths in one, never collide.
 */
public final class MonitorRegistration implements AutoCloseable {
    public static final String DOMAIN = "dev.tidewire";
    private static final Logger LOG = System.getLogger("tidewire.monitor");

    private final MBeanServer mbeans;
    private final ObjectName name;
    private final NamespaceRegistrations namespaces;

    private MonitorRegistration(MBeanServer mbeans, ObjectName name, NamespaceRegistrations namespaces) {
        this.mbeans = mbeans;
        this.name = name;
        this.namespaces = namespaces;
    }

    /** {@code dev.tidewire:type=SocketIoServer,context="/shop",path="/socket.io/"}; the root context is {@code "/"}. */
    public static ObjectName serverName(String contextPath, String path) throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=SocketIoServer," + serverKeys(contextPath, path));
    }

    /** {@code dev.tidewire:type=SocketIoNamespace,context="/shop",path="/socket.io/",namespace="/chat"}. */
    public static ObjectName namespaceName(String contextPath, String path, String namespace)
            throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=SocketIoNamespace," + serverKeys(contextPath, path)
                + ",namespace=" + ObjectName.quote(namespace));
    }

    private static String serverKeys(String contextPath, String path) {
        String context = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        return "context=" + ObjectName.quote(context) + ",path=" + ObjectName.quote(path);
    }

    /** Registers on the platform MBean server; see {@link #register(MBeanServer, String, SocketIoServer, EngineServer)}. */
    public static MonitorRegistration register(String contextPath, SocketIoServer io, EngineServer engine) {
        return register(ManagementFactory.getPlatformMBeanServer(), contextPath, io, engine);
    }

    /**
     * Registers the server's MXBean, then one per namespace, now and as namespaces are created. If the server's fails,
     * the server runs on without any (logged).
     */
    public static MonitorRegistration register(MBeanServer mbeans, String contextPath, SocketIoServer io,
                                               EngineServer engine) {
        String path = engine.options().path();
        try {
            ObjectName name = serverName(contextPath, path);
            mbeans.registerMBean(new ServerMonitor(io, engine), name);
            LOG.log(Level.INFO, "JMX: {0}", name);
            return new MonitorRegistration(mbeans, name, NamespaceRegistrations.start(mbeans, contextPath, path, io));
        } catch (InstanceAlreadyExistsException e) {
            LOG.log(Level.WARNING, "JMX: a server is already registered for {0} {1}; this one is not", contextPath,
                    path);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "JMX registration failed: {0}", e.toString());
        }
        return new MonitorRegistration(mbeans, null, null);
    }

    /** Unregisters the namespaces' MXBeans, then the server's. */
    @Override
    public void close() {
        if (name == null) return;
        namespaces.close();
        NamespaceRegistrations.unregister(mbeans, name);
    }
}
