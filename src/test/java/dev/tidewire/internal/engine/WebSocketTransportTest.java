package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketTransportTest {
    private final TestEngine t = new TestEngine();
    private final FakeWebSocketConnection ws = new FakeWebSocketConnection();
    private final WebSocketHandler handler = t.handshakeWebSocket(ws);
    private final String sid = TestEngine.sidOf((String) ws.frames.get(0));

    private RecordingListener listener() {
        return t.listener(sid);
    }

    @Test
    void textAndBinaryMessagesReachTheListener() {
        handler.onText("4hello");
        handler.onText("4€");
        handler.onBinary(new byte[] {1, 2, 3});
        handler.onText("bAQIDBA==");
        assertEquals(List.of("hello", "€"), listener().messages);
        assertEquals(2, listener().binaries.size());
        assertArrayEquals(new byte[] {1, 2, 3}, listener().binaries.get(0));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, listener().binaries.get(1));
    }

    @Test
    void outboundTextIsATextFrameAndBinaryARawBinaryFrame() {
        EngineSession s = t.session(sid);
        assertTrue(s.sendMessage("hi"));
        assertTrue(s.sendBinary(new byte[] {1, 2, 3, 4}));
        assertTrue(s.sendMessage("€"));
        assertEquals(4, ws.frames.size());
        assertEquals("4hi", ws.frames.get(1));
        assertInstanceOf(byte[].class, ws.frames.get(2));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, (byte[]) ws.frames.get(2), "no type byte, no base64");
        assertEquals("4€", ws.frames.get(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "9", "b!!!"})
    void malformedTextFrameClosesWithParseError(String frame) {
        handler.onText(frame);
        assertEquals(List.of(CloseReason.PARSE_ERROR), listener().closes);
        assertFalse(t.session(sid).isOpen());
        assertTrue(ws.isClosed());
        assertNull(t.server.session(sid));
    }

    @Test
    void peerCloseIsTransportClose() {
        handler.onClose(1000);
        assertEquals(List.of(CloseReason.TRANSPORT_CLOSE), listener().closes);
        assertEquals("transport close", listener().closes.get(0).wireName());
        assertFalse(t.session(sid).isOpen());
        assertNull(t.server.session(sid));
    }

    @Test
    void socketErrorIsTransportError() {
        handler.onError(new IOException("reset"));
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);
        assertFalse(t.session(sid).isOpen());
    }

    @Test
    void closePacketOverWebSocketIsIgnored() {
        handler.onText("1");
        assertTrue(t.session(sid).isOpen());
        assertTrue(listener().closes.isEmpty());
    }

    @Test
    void clientPingOverWebSocketIsTransportError() {
        handler.onText("2");
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), listener().closes);
        assertTrue(ws.isClosed());
    }

    @Test
    void messagesAfterCloseAreNotDelivered() {
        handler.onClose(1006);
        handler.onText("4late");
        assertTrue(listener().messages.isEmpty());
        assertEquals(1, listener().closes.size());
        assertFalse(t.session(sid).sendMessage("x"));
    }

    @Test
    void onlyOneSendIsInFlightAndOrderIsPreserved() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        e.handshakeWebSocket(slow);
        String id = TestEngine.sidOf((String) slow.frames.get(0));
        EngineSession s = e.session(id);

        assertEquals(1, slow.inFlight(), "the open packet is in flight");
        assertTrue(s.sendMessage("a"));
        assertTrue(s.sendBinary(new byte[] {9}));
        assertTrue(s.sendMessage("c"));
        assertEquals(1, slow.frames.size(), "nothing else is written while a send is in flight");
        assertEquals(3, s.queuedPackets());

        slow.completeNext();
        assertEquals(2, slow.frames.size());
        assertEquals("4a", slow.frames.get(1));
        assertEquals(1, slow.inFlight());

        slow.completeNext();
        assertArrayEquals(new byte[] {9}, (byte[]) slow.frames.get(2));
        slow.completeNext();
        assertEquals("4c", slow.frames.get(3));
        slow.completeNext();
        assertEquals(0, slow.inFlight());
        assertEquals(0, s.queuedPackets());
        assertEquals(1, slow.maxInFlight);

        assertTrue(s.sendMessage("d")); // idle again: written at once
        assertEquals("4d", slow.frames.get(4));
        assertEquals(1, slow.maxInFlight);
    }

    @Test
    void aContainerWindowTakesSeveralFramesInOrder() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection slow = new FakeWebSocketConnection().window(3).holdCompletions();
        e.handshakeWebSocket(slow);
        String id = TestEngine.sidOf((String) slow.frames.get(0));
        EngineSession s = e.session(id);

        for (String m : List.of("a", "b", "c", "d", "e")) assertTrue(s.sendMessage(m));
        assertEquals(List.of("4a", "4b"), slow.textFrames().subList(1, 3), "the open packet and two more fill the window");
        assertEquals(3, slow.inFlight());
        assertEquals(3, s.queuedPackets());

        slow.completeNext();
        assertEquals(4, slow.frames.size(), "one completion makes room for one frame");
        assertEquals("4c", slow.frames.get(3));
        slow.releaseAll();
        assertEquals(List.of("4a", "4b", "4c", "4d", "4e"), slow.textFrames().subList(1, 6));
        assertEquals(3, slow.maxInFlight);
        assertEquals(0, s.queuedPackets());
    }

    @Test
    void synchronousCompletionsWithAWindowWriteEverythingOnce() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection fast = new FakeWebSocketConnection().window(4);
        e.handshakeWebSocket(fast);
        String id = TestEngine.sidOf((String) fast.frames.get(0));
        EngineSession s = e.session(id);
        assertTrue(s.send(List.of(Packet.message("1"), Packet.message("2"), Packet.message("3"), Packet.message("4"),
                Packet.message("5"), Packet.message("6")), false));
        assertEquals(List.of("41", "42", "43", "44", "45", "46"), fast.textFrames().subList(1, 7));
        assertEquals(7, fast.frames.size());
    }

    @Test
    void gracefulCloseWaitsForEveryFrameInFlight() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection slow = new FakeWebSocketConnection().window(4).holdCompletions();
        e.handshakeWebSocket(slow);
        String id = TestEngine.sidOf((String) slow.frames.get(0));
        EngineSession s = e.session(id);
        s.sendMessage("a");
        s.sendMessage("b");
        s.close();
        assertFalse(slow.isClosed(), "frames are still in flight");
        slow.completeNext();
        slow.completeNext();
        assertFalse(slow.isClosed());
        slow.completeNext();
        assertTrue(slow.isClosed(), "closed once the last frame was written");
        assertEquals(List.of(CloseReason.FORCED_CLOSE), e.listener(id).closes);
    }

    @Test
    void failedSendClosesWithTransportError() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection slow = new FakeWebSocketConnection().holdCompletions();
        e.handshakeWebSocket(slow);
        String id = TestEngine.sidOf((String) slow.frames.get(0));
        e.session(id).sendMessage("a");
        slow.failNext(new IOException("broken pipe"));
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), e.listener(id).closes);
        assertEquals(1, slow.frames.size(), "nothing more is written");
        assertTrue(slow.isClosed());
    }

    @Test
    void sendThatThrowsClosesWithTransportError() {
        TestEngine e = new TestEngine();
        FakeWebSocketConnection throwing = new FakeWebSocketConnection();
        WebSocketConnection conn = new WebSocketConnection() {
            int sends;

            public void sendText(String text, SendCallback callback) {
                if (sends++ > 0) throw new IllegalStateException("closed");
                throwing.sendText(text, callback);
            }

            public void sendBinary(byte[] data, SendCallback callback) {
                throw new IllegalStateException("closed");
            }

            public void close(int code, String reason) {
                throwing.close(code, reason);
            }
        };
        e.server.onWebSocketOpen(TestEngine.wsRequest("EIO=4&transport=websocket"), conn);
        String id = TestEngine.sidOf((String) throwing.frames.get(0));
        e.session(id).sendMessage("a");
        assertFalse(e.session(id).isOpen());
        assertEquals(List.of(CloseReason.TRANSPORT_ERROR), e.listener(id).closes);
    }
}
