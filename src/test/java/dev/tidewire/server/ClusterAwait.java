package dev.tidewire.server;

import dev.tidewire.internal.redis.Eventually;

import java.util.List;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Waiting for what a cluster test of two in-process servers expects (messages cross nodes asynchronously), shared by
 * the Redis adapters' tests.
 */
final class ClusterAwait {
    private ClusterAwait() {
    }

    /** Waits until each server counts {@code count} nodes (subscriptions are confirmed asynchronously). */
    static void awaitServerCount(int count, SioTestServer... servers) {
        for (SioTestServer server : servers) {
            Eventually.until(count + " nodes subscribed", () -> {
                try {
                    return server.io.serverCount().toCompletableFuture().get(5, SECONDS) == count;
                } catch (Exception e) {
                    return false; // not connected yet
                }
            });
        }
    }

    static boolean serverCountFails(SioTestServer server) {
        try {
            server.io.serverCount().toCompletableFuture().get(5, SECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    /** Waits for as many text frames as expected since {@code mark}, then checks them. */
    static void awaitTexts(SioTestServer.Peer peer, int mark, String... expected) {
        awaitTexts(peer, mark, expected.length);
        assertEquals(List.of(expected), peer.textsSince(mark));
    }

    static void awaitTexts(SioTestServer.Peer peer, int mark, int count) {
        Eventually.until(count + " frames", () -> peer.textsSince(mark).size() >= count);
    }

    /** The ack id of an event frame {@code 42<id>[...]}. */
    static String ackIdOf(String frame) {
        return frame.substring(2, frame.indexOf('['));
    }

    static List<String> ids(List<RemoteSocket> sockets) {
        return sockets.stream().map(RemoteSocket::id).toList();
    }
}
