package dev.tidewire.it;

import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's pushes from outside Socket.IO reach its clients: a JAX-RS {@code POST /api/announcements} (to every
 * chat client, or to one room's) and the {@code MarketClock} EJB timer to the topic rooms of {@code /news}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoPushIT extends WithJavaClients {
    /** The demo with the reference's default heartbeat: the conformance fixture's 300 ms one is too tight for a
     * first connection to a cold server on this machine. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.fixtureWar();
    }

    @Test
    void aRestPostReachesTheChatRoomItNamesOrEveryChatClient() throws Exception {
        BlockingQueue<JSONObject> inOps = announcementsOf(chatter("ada", "ops"));
        BlockingQueue<JSONObject> inLobby = announcementsOf(chatter("bob", "lobby"));

        assertEquals(204, announce("deploy at noon", "ops").statusCode());
        JSONObject toOps = next(inOps);
        assertEquals("deploy at noon", toOps.getString("text"));
        assertEquals("ops", toOps.getString("room"));
        assertEquals(204, announce("coffee is ready", null).statusCode());
        assertEquals("coffee is ready", next(inOps).getString("text"));
        // the lobby's first announcement is the one to everyone: the room's went only to ops
        JSONObject first = next(inLobby);
        assertEquals("coffee is ready", first.getString("text"));
        assertFalse(first.has("room"));
    }

    @Test
    void aRestPostWithoutTextIsRefused() {
        assertEquals(400, announce(" ", null).statusCode());
    }

    @Test
    void theEjbTimerPushesTheMarketClockToNewsClients() throws Exception {
        Socket news = clients.socket("/news", JavaClients.WEBSOCKET, Map.of());
        BlockingQueue<JSONObject> ticks = new LinkedBlockingQueue<>();
        news.on("market", args -> ticks.add((JSONObject) args[0]));
        JavaClients.connectAndReceive(news, "topics");
        // the clock goes to the subscribers of a topic
        JSONObject subscribed = (JSONObject) JavaClients.emitWithAck(news, "subscribe", "ACME")[0];
        assertTrue(subscribed.getBoolean("ok"), subscribed.toString());
        Instant connected = Instant.now();
        // the timer fires every 5 s
        JSONObject tick = ticks.poll(12, TimeUnit.SECONDS);
        assertNotNull(tick, "no market tick within 12 s");
        assertTrue(tick.getInt("watching") >= 1, tick.toString());
        assertTrue(Instant.parse(tick.getString("time")).isAfter(connected.minusSeconds(60)), tick.toString());
    }

    private Socket chatter(String nick, String room) throws Exception {
        Socket s = clients.socket("/chat", JavaClients.WEBSOCKET, Map.of());
        JavaClients.connectAndReceive(s, "rooms");
        JSONObject reply = (JSONObject) JavaClients.emitWithAck(s, "login", nick, room)[0];
        assertTrue(reply.getBoolean("ok"), reply.toString());
        return s;
    }

    private static BlockingQueue<JSONObject> announcementsOf(Socket s) {
        BlockingQueue<JSONObject> q = new LinkedBlockingQueue<>();
        s.on("announcement", args -> q.add((JSONObject) args[0]));
        return q;
    }

    private static JSONObject next(BlockingQueue<JSONObject> q) throws InterruptedException {
        JSONObject o = q.poll(10, TimeUnit.SECONDS);
        assertNotNull(o, "no announcement");
        return o;
    }

    private HttpResponse<String> announce(String text, String room) {
        Eio eio = new Eio(base);
        String query = room == null ? "" : "?room=" + room;
        return Eio.send(HttpRequest.newBuilder(eio.at("api/announcements" + query)).timeout(Eio.WAIT)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }
}
