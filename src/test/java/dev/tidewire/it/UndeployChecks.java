package dev.tidewire.it;

import dev.tidewire.internal.redis.RedisServer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What undeploying the application must do on every server: an open WebSocket is closed by the server (1001, going
 * away), a pending poll is answered with a close packet, the engine's URL is gone, its MXBeans are unregistered, and
 * no tidewire-* thread is left running (the Redis adapter's client's included). How the application is deployed and undeployed, and the thread list, are the
 * server-specific parts.
 */
final class UndeployChecks {
    interface AppDeployer {
        void deploy() throws Exception;

        void undeploy() throws Exception;
    }

    private UndeployChecks() {
    }

    /**
     * The fixture's echo engine pings every 25 s rather than every 300 ms: each ping answers the pending poll, and an
     * undeploy that falls between that answer and the client's next GET finds no poll to close (the late GET gets
     * the container's 503 instead).
     */
    private static final Map<String, String> WITHOUT_FIXTURE_PINGS = Map.of(
            "tidewire.fixture.engine.pingInterval", "25000", "tidewire.fixture.engine.pingTimeout", "20000");

    /**
     * The options of the undeploy checks: {@code options}, the Redis adapter on {@code redis} (its client's threads
     * must go with the application too), and the fixture engine's pings slowed down.
     */
    static Map<String, String> undeployOptions(Map<String, String> options, RedisServer redis) {
        Map<String, String> out = new HashMap<>(options);
        out.put("tidewire.adapter", "redis");
        out.put("tidewire.redis.uri", redis.uri());
        out.putAll(WITHOUT_FIXTURE_PINGS);
        return out;
    }

    /** @return the thread list after undeploy, for server-specific checks */
    static String undeployClosesEverySessionAndLeavesNoThreads(URL appBase, URI threadsUri, AppDeployer deployer)
            throws Exception {
        Eio eio = new Eio(appBase);
        deployer.deploy();
        boolean deployed = true;
        try (WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"));
             PollingSession polling = PollingSession.open(eio)) {
            ws.nextText();
            ws.assertEchoes("before undeploy");
            polling.assertEchoes("before undeploy");
            String before = threads(threadsUri);
            System.out.println("threads before undeploy:\n" + before);
            assertTrue(before.lines().anyMatch(l -> l.startsWith("tidewire-redis")),
                    "the Redis adapter's client runs while deployed");
            assertTrue(list(threadsUri.resolve("mbeans")).contains("type=SocketIoServer"),
                    "the server MXBean is registered while deployed");

            deployer.undeploy();
            deployed = false;

            WsClient.Closed closed = ws.awaitClosed();
            assertEquals(1001, closed.code(), String.valueOf(closed));
            HttpResponse<String> lastPoll = polling.awaitEnd();
            assertEquals(200, lastPoll.statusCode(), lastPoll.body());
            assertEquals("1", lastPoll.body());
            assertEquals(404, eio.get(polling.query()).statusCode());
            assertEquals(404, eio.get("EIO=4&transport=polling").statusCode());
        } finally {
            if (deployed) deployer.undeploy();
        }
        assertEquals("", list(threadsUri.resolve("mbeans")), "dev.tidewire MBeans left after undeploy");
        String threads = threads(threadsUri);
        System.out.println("threads after undeploy:\n" + threads);
        List<String> left = threads.lines().filter(l -> l.startsWith("tidewire")).toList();
        assertEquals(List.of(), left, "tidewire threads left after undeploy");
        return threads;
    }

    private static String threads(URI threadsUri) {
        return list(threadsUri);
    }

    private static String list(URI probe) {
        HttpResponse<String> r = Eio.send(HttpRequest.newBuilder(probe).timeout(Eio.WAIT).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
