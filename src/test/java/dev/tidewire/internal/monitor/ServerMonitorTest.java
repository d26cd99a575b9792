package dev.tidewire.internal.monitor;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.internal.engine.CloseReason;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.WebSocketConnection;
import dev.tidewire.monitor.SocketIoServerMXBean;
import dev.tidewire.server.DisconnectReason;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The server MXBean as a JMX client reads it: counters, gauges and options of a server with fake clients. */
class ServerMonitorTest {
    private final MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
    private final List<Runnable> heldDrains = new ArrayList<>();
    private final SioHarness harness = new SioHarness(heldDrains::add, SioHarness.BINDER);
    private final SocketIoServerMXBean server;

    ServerMonitorTest() throws Exception {
        harness.io.of("/chat");
        MonitorRegistration.register(mbeans, "/", harness.io, harness.engine());
        server = JMX.newMXBeanProxy(mbeans, MonitorRegistration.serverName("/", "/socket.io/"),
                SocketIoServerMXBean.class);
    }

    @Test
    void countersSinceStart() {
        SioHarness.Client client = harness.connect("/chat"); // "/chat" has no listener: accepted on the reading thread
        client.emit("hi");
        heldDrains.forEach(Runnable::run);
        client.drop();

        assertEquals(1, server.getHandshakes());
        assertEquals(0, server.getUpgrades());
        assertEquals(1, server.getSocketConnections());
        assertEquals(2, server.getPacketsIn(), "the CONNECT and the event");
        assertEquals("40/chat,".length() + "42/chat,[\"hi\"]".length(), server.getBytesIn());
        assertEquals(2, server.getPacketsOut(), "the open packet and the CONNECT reply");
        Map<String, Long> closes = server.getSessionCloses();
        assertEquals(CloseReason.values().length, closes.size(), closes.toString());
        assertEquals(1L, closes.get("transport close"));
        assertEquals(0L, closes.get("ping timeout"));
        Map<String, Long> disconnections = server.getSocketDisconnections();
        assertEquals(DisconnectReason.values().length, disconnections.size(), disconnections.toString());
        assertEquals(1L, disconnections.get("transport close"));
        assertEquals(0L, disconnections.get("client namespace disconnect"));
    }

    @Test
    void pendingHandlerEventsAreReadWhenAsked() {
        SioHarness.Client client = harness.connect("/chat");
        client.emit("a");
        client.emit("b");
        assertEquals(2, server.getPendingHandlerEvents());
        heldDrains.forEach(Runnable::run);
        assertEquals(0, server.getPendingHandlerEvents());
    }

    @Test
    void queuedOutboundBytesOfAClientThatReadsNothing() {
        StalledWebSocket stalled = new StalledWebSocket();
        harness.engine().onWebSocketOpen(webSocketRequest(), stalled);
        harness.engine().sessions().iterator().next().sendMessage("abc");
        long expected = stalled.firstFrame.length() + "4abc".length(); // the open frame in flight, the message queued
        assertEquals(expected, server.getQueuedOutboundBytes());
        assertEquals(expected, server.getLargestQueuedOutboundBytes());
        harness.connect("/chat"); // a client that reads adds nothing
        assertEquals(expected, server.getQueuedOutboundBytes());
    }

    @Test
    void optionsInEffectByKey() {
        Map<String, String> options = server.getOptions();
        assertEquals("/socket.io/", options.get("tidewire.path"));
        assertEquals("25000", options.get("tidewire.pingInterval"));
        assertEquals("polling,websocket", options.get("tidewire.transports"));
        assertEquals("false", options.get("tidewire.cookie"));
        assertFalse(options.containsKey("tidewire.cors.origin"), "CORS is off");
    }

    private static RequestInfo webSocketRequest() {
        return new RequestInfo(Map.of(), Map.of("EIO", List.of("4"), "transport", List.of("websocket")), "127.0.0.1",
                false, "/socket.io/?EIO=4&transport=websocket");
    }

    /** A WebSocket whose sends never complete: a client that stopped reading. */
    private static final class StalledWebSocket implements WebSocketConnection {
        String firstFrame;

        @Override
        public void sendText(String text, SendCallback callback) {
            if (firstFrame == null) firstFrame = text;
        }

        @Override
        public void sendBinary(byte[] data, SendCallback callback) {
        }

        @Override
        public void close(int code, String reason) {
        }
    }
}
