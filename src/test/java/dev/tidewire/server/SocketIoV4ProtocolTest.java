package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidewire.internal.engine.FormDecoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Socket.IO protocol v4, the Socket.IO v2 clients' (over EIO 3): the main namespace without a CONNECT, the engine's id
 * as socket id, the CONNECT query as auth, no CONNECT payload, and refusals as plain values.
 */
class SocketIoV4ProtocolTest {
    private final SioTestServer t = new SioTestServer(SocketIoOptions.defaults()
            .withEngine(SocketIoOptions.defaults().engine().toBuilder().allowEIO3(true).build()));
    private final List<Socket> connected = new ArrayList<>();

    @Test
    void theMainNamespaceIsJoinedAtOpenWithoutAConnect() {
        t.io.onConnection(connected::add);
        SioTestServer.Peer c = t.connectEio3(Map.of());
        assertEquals(List.of("40"), c.texts().subList(1, c.texts().size()), "CONNECT reply without payload");
        assertEquals(1, connected.size());
        assertEquals(c.engineSid, connected.get(0).id(), "the engine's id is the socket id in /");
        assertEquals(Map.of(), connected.get(0).handshake().auth());
    }

    @Test
    void v5ClientsStillConnectExplicitly() {
        t.io.onConnection(connected::add);
        SioTestServer.Peer c = t.connect();
        assertEquals(1, c.texts().size(), "nothing but the open packet");
        assertTrue(connected.isEmpty());
        String sid = c.connectTo("/");
        assertFalse(sid.equals(c.engineSid), "v5 socket ids are not the engine's");
    }

    @Test
    void aConnectsQueryIsItsAuth() {
        t.io.of("/admin").onConnection(connected::add);
        SioTestServer.Peer c = t.connectEio3(Map.of());
        int mark = c.mark();
        c.send("40/admin?token=a%20b&role=x+y,");
        assertEquals(List.of("40/admin,"), c.textsSince(mark));
        Socket s = connected.get(0);
        assertEquals("/admin#" + c.engineSid, s.id());
        assertEquals(Map.of("token", "a b", "role", "x y"), s.handshake().auth());
        assertEquals("/admin", s.namespace().name());
    }

    @Test
    void aRepeatedQueryParameterIsTheListOfItsValuesAsNodesUrlParse() {
        t.io.of("/admin").onConnection(connected::add);
        SioTestServer.Peer c = t.connectEio3(Map.of());
        c.send("40/admin?tag=a&one=1&tag=b&tag=c#frag=x,");
        assertEquals(Map.of("tag", List.of("a", "b", "c"), "one", "1"), connected.get(0).handshake().auth());
    }

    @Test
    void aConnectQueryReadsAtMostAThousandParameters() {
        t.io.of("/admin").onConnection(connected::add);
        SioTestServer.Peer c = t.connectEio3(Map.of());
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < FormDecoding.MAX_PAIRS + 5; i++) query.append("&k").append(i).append("=v");
        c.send("40/admin?" + query.substring(1) + ",");
        Map<String, Object> auth = connected.get(0).handshake().auth();
        assertEquals(FormDecoding.MAX_PAIRS, auth.size());
        assertEquals("v", auth.get("k999"));
        assertFalse(auth.containsKey("k1000"));
    }

    @Test
    void aConnectPayloadIsNotAuth() {
        t.io.of("/admin").onConnection(connected::add);
        SioTestServer.Peer c = t.connectEio3(Map.of());
        c.send("40/admin,{\"token\":\"x\"}");
        assertEquals(Map.of(), connected.get(0).handshake().auth());
    }

    @Test
    void eventsReachTheNamespaceWhateverTheQuery() {
        List<List<Object>> heard = new ArrayList<>();
        t.io.of("/admin").onConnection(s -> s.on("hi", (args, ack) -> heard.add(args)));
        SioTestServer.Peer c = t.connectEio3(Map.of());
        c.send("40/admin?token=1,");
        c.send("42/admin,[\"hi\",1]");
        c.send("42/admin?token=1,[\"hi\",2]");
        assertEquals(List.of(List.of(1L), List.of(2L)), heard);
        assertFalse(c.isClosed());
    }

    @Test
    void aMiddlewareRefusalIsItsMessageAsAString() {
        t.io.of("/admin").use(s -> {
            throw new ConnectionRefusedException("Not authorized");
        });
        SioTestServer.Peer c = t.connectEio3(Map.of());
        int mark = c.mark();
        c.send("40/admin,");
        assertEquals(List.of("44/admin,\"Not authorized\""), c.textsSince(mark));
        assertFalse(c.isClosed());
    }

    /** As the reference's {@code err.data || err.message}. */
    @Test
    void aMiddlewareRefusalWithDataSendsTheData() {
        t.io.of("/admin").use(s -> {
            throw new ConnectionRefusedException("Not authorized", Map.of("code", 42));
        });
        SioTestServer.Peer c = t.connectEio3(Map.of());
        int mark = c.mark();
        c.send("40/admin,");
        assertEquals(List.of("44/admin,{\"code\":42}"), c.textsSince(mark));
    }

    @Test
    void aRefusalOfTheMainNamespaceAtOpen() {
        t.io.use(s -> {
            throw new ConnectionRefusedException("go away");
        });
        SioTestServer.Peer c = t.connectEio3(Map.of());
        assertEquals(List.of("44\"go away\""), c.texts().subList(1, c.texts().size()));
        assertEquals(0, t.io.of("/").sockets().size());
    }

    /** The reference sends an unknown namespace's error as an object in every revision. */
    @Test
    void anUnknownNamespaceIsStillAnObject() {
        SioTestServer.Peer c = t.connectEio3(Map.of());
        int mark = c.mark();
        c.send("40/nowhere,");
        assertEquals(List.of("44/nowhere,{\"message\":\"Invalid namespace\"}"), c.textsSince(mark));
    }

    @Test
    void aSecondConnectToTheMainNamespaceIsAViolation() {
        SioTestServer.Peer c = t.connectEio3(Map.of());
        c.send("40");
        assertTrue(c.isClosed());
    }
}
