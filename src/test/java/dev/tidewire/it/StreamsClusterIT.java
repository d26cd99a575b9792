package dev.tidewire.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link ClusterSuites} on the Redis streams adapter ({@code @socket.io/redis-streams-adapter}'s format), with
 * connection state recovery on: a client recovers its session on the other node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsClusterIT extends ClusterSuites {
    @Override
    String referenceNodeScript() {
        return "cluster/redis-streams-node.mjs";
    }

    @Override
    String adapter() {
        return "redis-streams";
    }

    @Override
    String nodeOptions() {
        return "-Dtidewire.recovery.maxDisconnectionDuration=60000";
    }

    @Test
    @Order(1)
    void theNamespaceOperationsReachTheSocketsOfBothNodes() throws Exception {
        run("streams-cluster-operations", "cluster/across-nodes.mjs");
    }

    @Test
    @Order(3)
    void aClientRecoversItsSessionOnTheOtherNode() throws Exception {
        run("streams-cluster-recovery", "cluster/recovery-across-nodes.mjs");
    }

    @Test
    @Order(4)
    void aRestartedRedisStopsNoNode() throws Exception {
        run("streams-cluster-redis-restarted", "cluster/redis-restarted.mjs");
    }
}
