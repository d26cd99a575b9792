package dev.tidewire.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@link ClusterSuites} on the Redis (pub/sub) adapter, {@code @socket.io/redis-adapter}'s format. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends ClusterSuites {
    @Override
    String referenceNodeScript() {
        return "cluster/redis-node.mjs";
    }

    @Override
    String adapter() {
        return "redis";
    }

    @Test
    @Order(1)
    void theNamespaceOperationsReachTheSocketsOfBothNodes() throws Exception {
        run("cluster-operations", "cluster/across-nodes.mjs");
    }

    @Test
    @Order(3)
    void twoNodesBehindTheBalancerActAsOneServer() throws Exception {
        run("cluster-balancer", "cluster/through-nginx.mjs");
    }

    @Test
    @Order(4)
    void aRestartedRedisStopsNoNode() throws Exception {
        run("cluster-redis-restarted", "cluster/redis-restarted.mjs");
    }

    @Test
    @Order(5)
    void theClientsOfAKilledNodeReconnectToTheOther() throws Exception {
        run("cluster-node-killed", "cluster/node-killed.mjs");
    }
}
