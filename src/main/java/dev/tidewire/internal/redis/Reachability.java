package dev.tidewire.internal.redis;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether Redis can be reached, told in the log once per incident: one warning when it becomes unreachable (a
 * connection lost, a connection refused, a publish that failed), one line when its connections are all up again.
 * Failures in between go to the debug level, so that an outage under load does not flood the log.
 */
final class Reachability {
    static final Logger LOG = System.getLogger("tidewire.socketio.redis");
    private final String uri;
    /** How many connections the link has (commands; pub/sub unless it only publishes; blocking reads for streams):
     * all up is reachable. */
    private final int connections;
    private final Set<SocketAddress> active = new HashSet<>();
    private boolean failing;
    private boolean everConnected;

    Reachability(String uri, int connections) {
        this.uri = uri;
        this.connections = connections;
    }

    /** A connection is ready (its local address tells the connections apart). */
    synchronized void activated(SocketAddress connection) {
        active.add(connection);
        if (active.size() < connections) return;
        if (!everConnected) {
            everConnected = true;
            LOG.log(Level.INFO, "connected to Redis at {0}", uri);
        } else if (failing) {
            LOG.log(Level.INFO, "Redis at {0} is reachable again: operations reach the other nodes again", uri);
        }
        failing = false;
    }

    synchronized void deactivated(SocketAddress connection) {
        if (active.remove(connection)) failed("lost the connection", null);
    }

    synchronized void connectFailed(Throwable error) {
        failed("cannot connect", error);
    }

    synchronized void publishFailed(String what, Throwable error) {
        failed("could not send a " + what + " message", error);
    }

    synchronized void readFailed(Throwable error) {
        failed("could not read the stream", error);
    }

    private void failed(String what, Throwable error) {
        String cause = error == null ? "" : " (" + Causes.message(error) + ")";
        if (failing) {
            LOG.log(Level.DEBUG, "Redis at {0}: {1}{2}", uri, what, cause);
            return;
        }
        failing = true;
        LOG.log(Level.WARNING, "Redis at {0} is unreachable: {1}{2}. Operations still reach this node''s sockets; "
                + "those that need the other nodes fail until Redis is back (reconnecting)", uri, what, cause);
    }
}
