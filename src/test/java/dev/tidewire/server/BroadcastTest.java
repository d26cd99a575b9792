package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broadcasts: targets (rooms, except, sender excluded), volatile drops, and one encoding for every target. */
class BroadcastTest {
    private final SioTestServer t = new SioTestServer();
    private SioTestServer.Peer c1;
    private SioTestServer.Peer c2;
    private SioTestServer.Peer c3;
    private Socket s1;
    private Socket s2;
    private Socket s3;

    @BeforeEach
    void connect() {
        c1 = t.connect();
        c2 = t.connect();
        c3 = t.connect();
        s1 = t.io.sockets().sockets().get(c1.connectTo("/"));
        s2 = t.io.sockets().sockets().get(c2.connectTo("/"));
        s3 = t.io.sockets().sockets().get(c3.connectTo("/"));
    }

    private int[] marks() {
        return new int[] {c1.mark(), c2.mark(), c3.mark()};
    }

    private void assertReceived(int[] marks, List<String> r1, List<String> r2, List<String> r3) {
        assertEquals(r1, c1.textsSince(marks[0]), "client 1");
        assertEquals(r2, c2.textsSince(marks[1]), "client 2");
        assertEquals(r3, c3.textsSince(marks[2]), "client 3");
    }

    @Test
    void serverEmitReachesEverySocketOfTheMainNamespaceOnly() {
        t.io.of("/other");
        SioTestServer.Peer elsewhere = t.connect();
        elsewhere.connectTo("/other");
        int[] m = marks();
        int me = elsewhere.mark();
        t.io.emit("news", "hello");
        List<String> news = List.of("42[\"news\",\"hello\"]");
        assertReceived(m, news, news, news);
        elsewhere.assertNothingSince(me);
    }

    @Test
    void namespaceEmitCarriesTheNamespace() {
        t.io.of("/chat");
        c1.connectTo("/chat");
        c2.connectTo("/chat");
        int[] m = marks();
        t.io.of("/chat").emit("msg", 1);
        assertReceived(m, List.of("42/chat,[\"msg\",1]"), List.of("42/chat,[\"msg\",1]"), List.of());
    }

    @Test
    void aBroadcastIsEncodedOnceAndTheSameFrameWrittenToEveryTarget() {
        t.io.emit("news", "x".repeat(100));
        Object f1 = c1.lastFrame();
        Object f2 = c2.lastFrame();
        Object f3 = c3.lastFrame();
        assertEquals("42[\"news\",\"" + "x".repeat(100) + "\"]", f1);
        assertSame(f1, f2);
        assertSame(f1, f3);
    }

    @Test
    void aBinaryBroadcastIsEncodedOnceToo() {
        byte[] data = {1, 2, 3};
        int[] m = marks();
        t.io.to(s1.id(), s2.id()).emit("bin", data);
        List<Object> f1 = c1.framesSince(m[0]);
        List<Object> f2 = c2.framesSince(m[1]);
        assertEquals(2, f1.size());
        assertEquals("451-[\"bin\",{\"_placeholder\":true,\"num\":0}]", f1.get(0));
        assertArrayEquals(data, (byte[]) f1.get(1));
        assertSame(f1.get(0), f2.get(0));
        assertSame(f1.get(1), f2.get(1));
        c3.assertNothingSince(m[2]);
    }

    @Test
    void toOneRoom() {
        s1.join("r");
        s3.join("r");
        int[] m = marks();
        t.io.to("r").emit("e");
        assertReceived(m, List.of("42[\"e\"]"), List.of(), List.of("42[\"e\"]"));
    }

    @Test
    void toSeveralRoomsDeliversOncePerSocket() {
        s1.join("a", "b");
        s2.join("b");
        int[] m = marks();
        t.io.to("a", "b").emit("e");
        assertReceived(m, List.of("42[\"e\"]"), List.of("42[\"e\"]"), List.of());

        m = marks();
        t.io.to("a").to("b").in("a").emit("f"); // chained: the union, still once each
        assertReceived(m, List.of("42[\"f\"]"), List.of("42[\"f\"]"), List.of());
    }

    @Test
    void exceptExcludesMembersOfTheRooms() {
        s1.join("a");
        s2.join("b");
        int[] m = marks();
        t.io.except("a").emit("e");
        assertReceived(m, List.of(), List.of("42[\"e\"]"), List.of("42[\"e\"]"));

        m = marks();
        s3.join("b");
        t.io.to("b").except(s2.id()).emit("f");
        assertReceived(m, List.of(), List.of(), List.of("42[\"f\"]"));

        m = marks();
        t.io.except("a", "b").emit("g");
        assertReceived(m, List.of(), List.of(), List.of());
    }

    @Test
    void socketBroadcastExcludesTheSender() {
        int[] m = marks();
        s1.broadcast().emit("e", 1);
        assertReceived(m, List.of(), List.of("42[\"e\",1]"), List.of("42[\"e\",1]"));
    }

    @Test
    void socketToRoomExcludesTheSenderEvenWhenItIsAMember() {
        s1.join("r");
        s2.join("r");
        int[] m = marks();
        s1.to("r").emit("e");
        assertReceived(m, List.of(), List.of("42[\"e\"]"), List.of());

        m = marks();
        s1.except("r").emit("f"); // everyone but the sender and room r
        assertReceived(m, List.of(), List.of(), List.of("42[\"f\"]"));
    }

    @Test
    void operatorsAreImmutable() {
        s1.join("a");
        s2.join("b");
        BroadcastOperator toA = t.io.to("a");
        BroadcastOperator toAandB = toA.to("b");
        BroadcastOperator toAexceptA = toA.except("a");
        int[] m = marks();
        toA.emit("e");
        assertReceived(m, List.of("42[\"e\"]"), List.of(), List.of());
        m = marks();
        toAandB.emit("f");
        assertReceived(m, List.of("42[\"f\"]"), List.of("42[\"f\"]"), List.of());
        m = marks();
        toAexceptA.emit("g");
        assertReceived(m, List.of(), List.of(), List.of());
    }

    @Test
    void volatileBroadcastIsDroppedForClientsThatCannotWriteNow() {
        c2.ws.hold();
        s2.emit("in-flight"); // c2's transport is now busy
        int[] m = marks();
        t.io.asVolatile().emit("v", 1);
        t.io.emit("nv", 2);
        assertEquals(List.of("42[\"v\",1]", "42[\"nv\",2]"), c1.textsSince(m[0]));
        assertEquals(List.of("42[\"v\",1]", "42[\"nv\",2]"), c3.textsSince(m[2]));
        c2.ws.release();
        assertEquals(List.of("42[\"nv\",2]"), c2.textsSince(m[1]), "volatile dropped, the rest delivered");
    }

    @Test
    void volatileEmitOnASocket() {
        s1.emitVolatile("v", 1);
        assertEquals("42[\"v\",1]", c1.lastText());
        c1.ws.hold();
        s1.emit("busy");
        int m = c1.mark();
        s1.emitVolatile("v", 2);
        c1.ws.release();
        c1.assertNothingSince(m);
        s1.emitVolatile("v", 3);
        assertEquals("42[\"v\",3]", c1.lastText());
    }

    @Test
    void broadcastToAnEmptyRoomSendsNothing() {
        int[] m = marks();
        t.io.to("nobody").emit("e");
        assertReceived(m, List.of(), List.of(), List.of());
    }

    @Test
    void disconnectedSocketsReceiveNoBroadcast() {
        c2.send("41");
        int[] m = marks();
        t.io.emit("e");
        assertReceived(m, List.of("42[\"e\"]"), List.of(), List.of("42[\"e\"]"));
    }
}
