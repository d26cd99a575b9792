package dev.tidewire.internal.admin;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.LongSupplier;

/**
 * Who this server is in {@code server_stats}: the id the UI lists it under, the host name, the process id and how
 * long the process has run. The reference's default id is the host name (with {@code #pid} only inside a Node
 * cluster worker, which a JVM never is).
 */
public record ServerIdentity(String serverId, String hostname, long pid, LongSupplier uptimeMillis) {

    /** This JVM on this host; {@code configuredId} when not null, else the host name. */
    public static ServerIdentity ofThisProcess(String configuredId) {
        String host = localHostName();
        return new ServerIdentity(configuredId != null ? configuredId : host, host, ProcessHandle.current().pid(),
                () -> ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
