package dev.tidewire.internal.monitor;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;

/**
 * A server's MXBean on the platform MBean server, from deployment to undeploy. Its name is keyed by the context path
 * and the Socket.IO path, so two deployments, or two paths in one, never collide.
 */
public final class MonitorRegistration implements AutoCloseable {
    public static final String DOMAIN = "dev.tidewire";
    private static final Logger LOG = System.getLogger("tidewire.monitor");

    private final MBeanServer mbeans;
    private final ObjectName name;

    private MonitorRegistration(MBeanServer mbeans, ObjectName name) {
        this.mbeans = mbeans;
        this.name = name;
    }

    /** {@code dev.tidewire:type=SocketIoServer,context="/shop",path="/socket.io/"}; the root context is {@code "/"}. */
    public static ObjectName serverName(String contextPath, String path) throws MalformedObjectNameException {
        String context = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        return new ObjectName(DOMAIN + ":type=SocketIoServer,context=" + ObjectName.quote(context)
                + ",path=" + ObjectName.quote(path));
    }

    /** Registers {@code monitor}; if that fails, the server runs on without it (logged). */
    public static MonitorRegistration register(String contextPath, ServerMonitor monitor) {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = serverName(contextPath, monitor.getPath());
            mbeans.registerMBean(monitor, name);
            LOG.log(Level.INFO, "JMX: {0}", name);
            return new MonitorRegistration(mbeans, name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.log(Level.WARNING, "JMX: a server is already registered for {0} {1}; this one is not", contextPath,
                    monitor.getPath());
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "JMX registration failed: {0}", e.toString());
        }
        return new MonitorRegistration(mbeans, null);
    }

    @Override
    public void close() {
        if (name == null) return;
        try {
            mbeans.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(Level.DEBUG, "JMX: {0} was already gone: {1}", name, e.toString());
        }
    }
}
