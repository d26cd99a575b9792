package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Socket.IO protocol violations close the Engine.IO connection, and the sockets leave with "forced server close":
 * a second CONNECT, a packet for a namespace that is not connected, a CONNECT_ERROR from the client.
 */
class ProtocolViolationTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> reasons = new ArrayList<>();

    private SioTestServer.Peer connectedClient() {
        t.io.onConnection(s -> s.onDisconnect((sock, r) -> reasons.add(r.wireName())));
        SioTestServer.Peer c = t.connect();
        c.connectTo("/");
        return c;
    }

    private void assertForcedServerClose(SioTestServer.Peer c) {
        assertTrue(c.isClosed());
        assertEquals(List.of("forced server close"), reasons);
        assertEquals(0, t.io.clientCount());
        assertEquals(0, t.engine.sessionCount());
        assertTrue(t.io.sockets().sockets().isEmpty());
    }

    @Test
    void aSecondConnectToTheSameNamespace() {
        SioTestServer.Peer c = connectedClient();
        c.send("40");
        assertForcedServerClose(c);
    }

    @Test
    void aSecondConnectToACustomNamespace() {
        t.io.of("/admin").onConnection(s -> s.onDisconnect((sock, r) -> reasons.add("admin " + r.wireName())));
        SioTestServer.Peer c = t.connect();
        c.connectTo("/admin");
        c.send("40/admin,{\"again\":1}");
        assertTrue(c.isClosed());
        assertEquals(List.of("admin forced server close"), reasons);
    }

    @Test
    void anEventBeforeAnyConnect() {
        SioTestServer.Peer c = t.connect();
        c.send("42[\"x\"]");
        assertTrue(c.isClosed());
        assertEquals(0, t.engine.sessionCount());
    }

    @Test
    void anEventForANamespaceThatIsNotConnected() {
        t.io.of("/admin");
        SioTestServer.Peer c = connectedClient();
        c.send("42/admin,[\"x\"]");
        assertForcedServerClose(c);
    }

    @Test
    void anAckForANamespaceThatIsNotConnected() {
        SioTestServer.Peer c = connectedClient();
        c.send("43/other,1[]");
        assertForcedServerClose(c);
    }

    @Test
    void aDisconnectForANamespaceThatIsNotConnected() {
        SioTestServer.Peer c = connectedClient();
        c.send("41/other,");
        assertForcedServerClose(c);
    }

    @Test
    void aBinaryEventForANamespaceThatIsNotConnected() {
        SioTestServer.Peer c = connectedClient();
        c.send("451-/other,[\"x\",{\"_placeholder\":true,\"num\":0}]");
        assertFalse(c.isClosed(), "decoded only once its attachment arrived");
        c.sendBinary(new byte[] {1});
        assertForcedServerClose(c);
    }

    @Test
    void aConnectErrorFromTheClient() {
        SioTestServer.Peer c = connectedClient();
        c.send("44{\"message\":\"client says no\"}");
        assertForcedServerClose(c);
    }

    @Test
    void aConnectErrorWithoutDataFromTheClient() {
        SioTestServer.Peer c = connectedClient();
        c.send("44"); // decoded, as by the reference's parser; the server then refuses it as any CONNECT_ERROR
        assertForcedServerClose(c);
    }

    @Test
    void aConnectErrorFromTheClientForAnotherNamespace() {
        SioTestServer.Peer c = connectedClient();
        c.send("44/x,\"oops\"");
        assertForcedServerClose(c);
    }

    @Test
    void otherClientsAreNotAffected() {
        SioTestServer.Peer bad = connectedClient();
        SioTestServer.Peer good = t.connect();
        String goodId = good.connectTo("/");
        bad.send("40");
        assertTrue(bad.isClosed());
        assertFalse(good.isClosed());
        List<Object> got = new ArrayList<>();
        t.io.sockets().sockets().get(goodId).on("x", (args, ack) -> ack.send("ok"));
        good.send("421[\"x\"]");
        assertEquals("431[\"ok\"]", good.lastText());
    }
}
