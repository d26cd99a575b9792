package dev.tidewire.it;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tidewire.it.JavaClients.connectAndReceive;
import static dev.tidewire.it.JavaClients.emitWithAck;
import static dev.tidewire.it.JavaClients.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interop with the official Java client ({@code io.socket:socket.io-client} 2.1.x, Socket.IO v4 / EIO 4) against the
 * conformance fixture: connect with auth, events, acks in both directions, binary, over each transport setting.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JavaClientIT extends WithJavaClients {
    private static final List<String[]> TRANSPORTS = List.of(
            new String[] {"websocket"}, new String[] {"polling"}, new String[] {"polling", "websocket"});

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    private Socket socket(String namespace, String[] transports, Map<String, String> auth) {
        return clients.socket(namespace, transports, auth);
    }

    private static String name(String[] transports) {
        return String.join("+", transports);
    }

    @Test
    void connectsWithAuthOnEachTransport() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/", t, Map.of("token", "java-" + name(t)));
            Object[] auth = connectAndReceive(s, "auth");
            JSONObject a = (JSONObject) auth[0];
            assertEquals("java-" + name(t), a.getString("token"), name(t));
            assertEquals(1, a.length(), name(t));
            assertTrue(s.connected());
            assertEquals(20, s.id().length(), name(t));
        }
    }

    @Test
    void emitsAndReceivesMessageBack() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/", t, Map.of());
            assertEquals(0, ((JSONObject) connectAndReceive(s, "auth")[0]).length(), "auth is {} when none");
            JSONObject obj = new JSONObject().put("list", new JSONArray().put(1).put("two").put(JSONObject.NULL))
                    .put("utf8", "héllo 🌍 日本").put("nested", new JSONObject().put("ok", true).put("f", -2.5));
            CompletableFuture<Object[]> back = next(s, "message-back");
            s.emit("message", 42, "zwei", obj, true, -7.25, Long.MAX_VALUE / 2);
            Object[] got = back.get(10, TimeUnit.SECONDS);
            assertEquals(6, got.length, name(t));
            assertEquals(42, ((Number) got[0]).intValue(), name(t));
            assertEquals("zwei", got[1]);
            JSONObject o = (JSONObject) got[2];
            assertEquals(3, o.length(), name(t));
            JSONArray list = o.getJSONArray("list");
            assertEquals(3, list.length());
            assertEquals(1, list.getInt(0));
            assertEquals("two", list.getString(1));
            assertTrue(list.isNull(2));
            assertEquals("héllo 🌍 日本", o.getString("utf8"));
            assertTrue(o.getJSONObject("nested").getBoolean("ok"));
            assertEquals(-2.5, o.getJSONObject("nested").getDouble("f"));
            assertEquals(Boolean.TRUE, got[3]);
            assertEquals(-7.25, ((Number) got[4]).doubleValue());
            assertEquals(Long.MAX_VALUE / 2, ((Number) got[5]).longValue());
        }
    }

    @Test
    void clientRequestedAck() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/", t, Map.of());
            connectAndReceive(s, "auth");
            Object[] reply = emitWithAck(s, "message-with-ack", "x", 42, new JSONArray().put("a"));
            assertEquals(3, reply.length, name(t));
            assertEquals("x", reply[0]);
            assertEquals(42, ((Number) reply[1]).intValue());
            assertEquals("a", ((JSONArray) reply[2]).getString(0));
        }
    }

    @Test
    void serverRequestedAckAnsweredAndTimedOut() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/interop", t, Map.of());
            connectAndReceive(s, "auth");
            s.on("question", args -> {
                Ack ack = (Ack) args[args.length - 1];
                ack.call("answer", ((Number) args[0]).intValue() * 2);
            });
            s.on("ignored", args -> assertInstanceOf(Ack.class, args[args.length - 1], "an ack was requested"));

            JSONObject ask = new JSONObject().put("timeout", 5000).put("event", "question")
                    .put("args", new JSONArray().put(21));
            JSONObject outcome = (JSONObject) emitWithAck(s, "request-ack", ask)[0];
            assertTrue(outcome.getBoolean("ok"), outcome.toString());
            JSONArray answer = outcome.getJSONArray("args");
            assertEquals("answer", answer.getString(0));
            assertEquals(42, answer.getInt(1));

            JSONObject unanswered = new JSONObject().put("timeout", 200).put("event", "ignored")
                    .put("args", new JSONArray());
            JSONObject timedOut = (JSONObject) emitWithAck(s, "request-ack", unanswered)[0];
            assertFalse(timedOut.getBoolean("ok"), timedOut.toString());
            assertEquals("operation has timed out", timedOut.getString("error"));
        }
    }

    @Test
    void binaryRoundTripsInEventsAndAcks() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        byte[] small = {1, 2, 3};
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/", t, Map.of());
            connectAndReceive(s, "auth");
            CompletableFuture<Object[]> back = next(s, "message-back");
            s.emit("message", bytes, new JSONObject().put("name", "f").put("data", small), "after");
            Object[] got = back.get(10, TimeUnit.SECONDS);
            assertInstanceOf(byte[].class, got[0], name(t));
            assertArrayEquals(bytes, (byte[]) got[0], name(t));
            JSONObject nested = (JSONObject) got[1];
            assertEquals("f", nested.getString("name"));
            assertArrayEquals(small, (byte[]) nested.get("data"), name(t));
            assertEquals("after", got[2]);

            Object[] reply = emitWithAck(s, "message-with-ack", small, new JSONArray().put(bytes));
            assertArrayEquals(small, (byte[]) reply[0], name(t));
            assertArrayEquals(bytes, (byte[]) ((JSONArray) reply[1]).get(0), name(t));
        }
    }

    @Test
    void serverRequestedAckWithBinary() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/interop", t, Map.of());
            connectAndReceive(s, "auth");
            s.on("question-bin", args -> {
                byte[] received = (byte[]) args[0];
                byte[] reversed = new byte[received.length];
                for (int i = 0; i < received.length; i++) reversed[i] = received[received.length - 1 - i];
                ((Ack) args[args.length - 1]).call(reversed);
            });
            JSONObject ask = new JSONObject().put("timeout", 5000).put("event", "question-bin")
                    .put("args", new JSONArray().put(new byte[] {1, 2, 3}));
            JSONObject outcome = (JSONObject) emitWithAck(s, "request-ack", ask)[0];
            assertTrue(outcome.getBoolean("ok"), outcome.toString());
            assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) outcome.getJSONArray("args").get(0), name(t));
        }
    }

    @Test
    void annotatedNamespaceWithTheJavaClient() throws Exception {
        for (String[] t : TRANSPORTS) {
            Socket s = socket("/annotated", t, Map.of("user", "duke"));
            Object[] welcome = connectAndReceive(s, "welcome");
            assertEquals(s.id(), welcome[0]);
            assertEquals("duke", ((JSONObject) welcome[1]).getString("user"));
            JSONObject receipt = (JSONObject) emitWithAck(s, "order",
                    new JSONObject().put("item", "tea").put("quantity", 4).put("price", 0.5))[0];
            assertEquals("tea", receipt.getString("item"));
            assertEquals(2.0, receipt.getDouble("total"));
            assertTrue(receipt.getBoolean("bound"));
            Object[] upload = emitWithAck(s, "upload", "f.bin", new byte[] {9, 8});
            assertEquals("f.bin", upload[0]);
            assertEquals(2, ((Number) upload[1]).intValue());
            assertArrayEquals(new byte[] {9, 8}, (byte[]) upload[2]);
        }
    }
}
