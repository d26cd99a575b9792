package dev.tidewire.internal.monitor;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.monitor.SocketIoNamespaceMXBean;
import dev.tidewire.server.Namespace;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A namespace MXBean as a JMX client uses it: its figures, and operations that reach fake clients. */
class NamespaceMonitorTest {
    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    private final SioHarness harness = new SioHarness();
    private final Namespace chat = harness.io.of("/chat");
    private final SocketIoNamespaceMXBean bean;
    private final SioHarness.Client blue1;
    private final SioHarness.Client blue2;
    private final SioHarness.Client other;

    NamespaceMonitorTest() throws Exception {
        // the two blue sockets are alice's
        chat.use(socket -> {
            if (chat.sockets().size() < 2) socket.setUser(() -> "alice");
        });
        chat.onConnection(socket -> {
            if (chat.sockets().size() <= 2) socket.join("blue");
        });
        MonitorRegistration.register(mbeans, "/", harness.io, harness.engine());
        bean = JMX.newMXBeanProxy(mbeans, MonitorRegistration.namespaceName("/", "/socket.io/", "/chat"),
                SocketIoNamespaceMXBean.class);
        blue1 = harness.connect("/chat");
        blue2 = harness.connect("/chat");
        other = harness.connect("/chat");
    }

    @Test
    void figuresReadWhenAsked() {
        assertEquals("/chat", bean.getName());
        assertEquals(3, bean.getSockets());
        assertEquals(5, bean.getRooms(), "blue, alice's user room and each socket's own room");
        List<String> expected = new ArrayList<>(List.of("blue", "~user:alice", blue1.sid(), blue2.sid(), other.sid()));
        expected.sort(null);
        assertEquals(expected, bean.getRoomNames());
        assertEquals(List.of(blue1.sid(), blue2.sid()).stream().sorted().toList(), bean.roomMembers("blue"));
        assertEquals(List.of(), bean.roomMembers("nobody-here"));
    }

    @Test
    void anArrayPayloadIsTheArgumentsAnyOtherValueTheOneArgument() {
        bean.emit("news", "[\"hi\", 2]");
        bean.emit("news", "{\"text\": \"hello\"}");
        bean.emit("news", "[[1, 2]]");
        bean.emit("news", "");
        List<Object> firstArguments = new ArrayList<>();
        firstArguments.add("hi");
        firstArguments.add(Map.of("text", "hello"));
        firstArguments.add(List.of(1L, 2L));
        firstArguments.add(null);
        for (SioHarness.Client c : List.of(blue1, blue2, other)) assertEquals(firstArguments, c.received("news"));
    }

    @Test
    void emitToRoomReachesItsMembersOnly() {
        bean.emitToRoom("blue", "alert", "\"storm\"");
        assertEquals(List.of("storm"), blue1.received("alert"));
        assertEquals(List.of("storm"), blue2.received("alert"));
        assertEquals(List.of(), other.received("alert"));
    }

    @Test
    void disconnectOneSocketOrARoom() {
        assertFalse(bean.disconnectSocket("no-such-socket"));
        assertTrue(bean.disconnectSocket(other.sid()));
        assertTrue(other.disconnectedByServer());
        assertFalse(blue1.disconnectedByServer());

        assertEquals(2, bean.disconnectRoom("blue"));
        assertTrue(blue1.disconnectedByServer());
        assertTrue(blue2.disconnectedByServer());
        assertEquals(0, bean.getSockets());
    }

    @Test
    void disconnectAUser() {
        assertEquals(0, bean.disconnectUser("bob"));
        assertEquals(2, bean.disconnectUser("alice"));
        assertTrue(blue1.disconnectedByServer());
        assertTrue(blue2.disconnectedByServer());
        assertFalse(other.disconnectedByServer());
        assertEquals(1, bean.getSockets());
    }

    @Test
    void badInputIsRefusedWithAPlainMessageAndNothingIsSent() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> bean.emit("news", "{\"text\": "));
        assertTrue(malformed.getMessage().startsWith("the payload is not valid JSON: "), malformed.getMessage());
        assertNull(malformed.getCause(), "no internal exception attached");
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> bean.emitToRoom("blue", "connect", "[]"));
        assertEquals("\"connect\" is a reserved event name", reserved.getMessage());
        IllegalArgumentException noRoom = assertThrows(IllegalArgumentException.class,
                () -> bean.emitToRoom("", "news", "1"));
        assertEquals("the room is missing", noRoom.getMessage());
        assertEquals(List.of(), blue1.received("news"));
        assertEquals(List.of(), blue1.received("connect"));
    }
}
