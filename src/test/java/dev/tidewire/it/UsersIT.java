package dev.tidewire.it;

import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A socket's user is the principal Jakarta Security authenticated on the request that opened its connection
 * ({@link BasicAuthUsers}: HTTP Basic over a test identity store), over polling and over WebSocket; and
 * {@code io.toUser(name)} reaches every tab of that user and nobody else, also in the chat demo's private messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT extends WithJavaClients {
    private static final String[] POLLING = {"polling"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        // WildFly applies a deployment's Jakarta Security mechanism in a security domain (see wildfly-tuning.cli)
        return Deployments.conformanceWar().addClass(BasicAuthUsers.class).addAsWebInfResource(new StringAsset("""
                <jboss-web>
                    <context-root>/</context-root>
                    <security-domain>other</security-domain>
                </jboss-web>
                """), "jboss-web.xml");
    }

    @Test
    void theAuthenticatedPrincipalIsTheSocketsUserOnEachTransport() throws Exception {
        assertEquals("alice", userOf(signedIn("alice", JavaClients.WEBSOCKET)));
        assertEquals("alice", userOf(signedIn("alice", POLLING)));
        assertEquals("bob", userOf(signedIn("bob", POLLING)));
        assertEquals(JSONObject.NULL, userOf(clients.connected("/interop", "auth")));
    }

    @Test
    void toUserReachesEveryTabOfThatUserOnly() throws Exception {
        Socket aliceOnWebSocket = signedIn("alice", JavaClients.WEBSOCKET);
        Socket aliceOnPolling = signedIn("alice", POLLING);
        Socket bob = signedIn("bob", JavaClients.WEBSOCKET);
        Socket anonymous = clients.connected("/interop", "auth");
        List<BlockingQueue<Object>> inboxes = List.of(dms(aliceOnWebSocket), dms(aliceOnPolling), dms(bob),
                dms(anonymous));

        JavaClients.emitWithAck(bob, "to-user", new JSONObject(Map.of("user", "alice", "event", "dm",
                "args", List.of("for alice"))));
        assertEquals("for alice", next(inboxes.get(0)));
        assertEquals("for alice", next(inboxes.get(1)));
        // bob's and the anonymous socket's first dm are the ones sent to them afterwards
        JavaClients.emitWithAck(bob, "to-user", new JSONObject(Map.of("user", "bob", "event", "dm",
                "args", List.of("for bob"))));
        JavaClients.emitWithAck(bob, "broadcast-to", new JSONObject(Map.of("to", List.of(anonymous.id()),
                "event", "dm", "args", List.of("for anonymous"))));
        assertEquals("for bob", next(inboxes.get(2)));
        assertEquals("for anonymous", next(inboxes.get(3)));
    }

    @Test
    void inTheChatDemoAPrivateMessageToASignedInUserReachesEveryTab() throws Exception {
        Socket tab1 = signedIn("alice", JavaClients.WEBSOCKET, "/chat", "rooms");
        Socket tab2 = signedIn("alice", POLLING, "/chat", "rooms");
        Socket bob = signedIn("bob", JavaClients.WEBSOCKET, "/chat", "rooms");
        BlockingQueue<Object> inTab1 = privateMessages(tab1);
        BlockingQueue<Object> inTab2 = privateMessages(tab2);
        for (Socket s : List.of(tab1, tab2, bob)) {
            // the nickname asked for is ignored: a signed-in user is called by the user name
            JSONObject login = (JSONObject) JavaClients.emitWithAck(s, "login", "whoever", "lobby")[0];
            assertTrue(login.getBoolean("ok"), login.toString());
        }
        JSONObject sent = (JSONObject) JavaClients.emitWithAck(bob, "private message", "alice", "to both tabs")[0];
        assertTrue(sent.getBoolean("ok"), sent.toString());
        assertEquals("to both tabs", next(inTab1));
        assertEquals("to both tabs", next(inTab2));

        // the demo's REST API reaches the user too, in every tab
        BlockingQueue<Object> announced1 = announcements(tab1);
        BlockingQueue<Object> announced2 = announcements(tab2);
        Eio eio = new Eio(base);
        HttpResponse<String> posted = Eio.send(HttpRequest.newBuilder(eio.at("api/announcements?user=alice"))
                .timeout(Eio.WAIT).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("your order shipped")).build());
        assertEquals(204, posted.statusCode(), posted.body());
        assertEquals("your order shipped", next(announced1));
        assertEquals("your order shipped", next(announced2));
    }

    private static BlockingQueue<Object> announcements(Socket s) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        s.on("announcement", args -> inbox.add(((JSONObject) args[0]).optString("text")));
        return inbox;
    }

    private Socket signedIn(String user, String[] transports) throws Exception {
        return signedIn(user, transports, "/interop", "auth");
    }

    /** A socket whose requests carry {@code user}'s credentials, once the server has greeted it with {@code greeting}. */
    private Socket signedIn(String user, String[] transports, String namespace, String greeting) throws Exception {
        String credentials = user + ":" + BasicAuthUsers.PASSWORDS.get(user);
        String basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        Socket s = clients.socket(namespace, transports, Map.of(), Map.of("Authorization", List.of(basic)));
        JavaClients.connectAndReceive(s, greeting);
        return s;
    }

    private static BlockingQueue<Object> privateMessages(Socket s) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        s.on("private message", args -> inbox.add(((JSONObject) args[0]).optString("text")));
        return inbox;
    }

    private static Object userOf(Socket s) throws Exception {
        return JavaClients.emitWithAck(s, "user")[0];
    }

    private static BlockingQueue<Object> dms(Socket s) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        s.on("dm", args -> inbox.add(args[0]));
        return inbox;
    }

    private static Object next(BlockingQueue<Object> inbox) throws InterruptedException {
        Object dm = inbox.poll(10, TimeUnit.SECONDS);
        return dm == null ? "nothing within 10 s" : dm;
    }
}
