package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The revision a request asks for, and what each revision's value chooses for a session. */
class EngineProtocolTest {
    private static RequestInfo request(String query) {
        return FakeHttpExchange.get(query).request();
    }

    @Test
    void eio4IsV4() {
        assertSame(EngineProtocol.V4, EngineProtocol.requestedBy(request("EIO=4&transport=polling")));
        assertEquals(4, EngineProtocol.V4.revision());
        assertEquals(3, EngineProtocol.V3.revision());
    }

    /** As the reference's {@code EIO === "4" ? 4 : 3}. */
    @ParameterizedTest
    @ValueSource(strings = {"EIO=3&transport=polling", "transport=polling", "EIO=&transport=polling",
            "EIO=abc&transport=polling", "EIO=5&transport=polling", "EIO=04&transport=polling"})
    void anythingElseIsV3(String query) {
        assertSame(EngineProtocol.V3, EngineProtocol.requestedBy(request(query)));
    }

    @Test
    void theV4OpenPacketAdvertisesMaxPayload() {
        EngineOptions o = EngineOptions.builder().maxHttpBufferSize(5000).pingInterval(300).pingTimeout(200).build();
        assertEquals("0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200,"
                + "\"maxPayload\":5000}", EngineProtocol.V4.openPacket("abc", List.of("websocket"), o).encodedText());
    }

    @Test
    void theV3OpenPacketHasNoMaxPayload() {
        EngineOptions o = EngineOptions.builder().maxHttpBufferSize(5000).pingInterval(300).pingTimeout(200).build();
        assertEquals("0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200}",
                EngineProtocol.V3.openPacket("abc", List.of("websocket"), o).encodedText());
        assertEquals("0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":300,\"pingTimeout\":200}",
                EngineProtocol.V3.openPacket("abc", List.of(), o).encodedText());
    }

    @Test
    void v4IgnoresB64AndJ() {
        RequestInfo r = request("EIO=4&transport=polling&b64=1&j=0");
        assertSame(PayloadCodecV4.INSTANCE, EngineProtocol.V4.payloadCodec(r));
        assertSame(WebSocketFrames.V4, EngineProtocol.V4.webSocketFrames(r));
    }

    @Test
    void v3ChoosesByTheClientsCapabilities() {
        assertSame(PayloadCodecV3.XHR2, EngineProtocol.V3.payloadCodec(request("EIO=3&transport=polling")));
        assertSame(PayloadCodecV3.BASE64, EngineProtocol.V3.payloadCodec(request("EIO=3&transport=polling&b64=1")));
        assertSame(PayloadCodecV3.BASE64, EngineProtocol.V3.payloadCodec(request("EIO=3&transport=polling&b64=0")));
        assertSame(PayloadCodecV3.XHR2, EngineProtocol.V3.payloadCodec(request("EIO=3&transport=polling&b64=")));
        assertInstanceOf(JsonpPayloadCodec.class, EngineProtocol.V3.payloadCodec(request("EIO=3&transport=polling&j=0")));
        assertSame(WebSocketFramesV3.BINARY, EngineProtocol.V3.webSocketFrames(request("EIO=3&transport=websocket")));
        assertSame(WebSocketFramesV3.BASE64,
                EngineProtocol.V3.webSocketFrames(request("EIO=3&transport=websocket&b64=1")));
    }

    @Test
    void eio3IsOffByDefault() {
        assertFalse(EngineOptions.builder().build().allowEIO3());
    }

    @Test
    void heartbeatsPerRevision() {
        EngineOptions o = EngineOptions.builder().build();
        HeartbeatPeer none = new HeartbeatPeer() {
            public void sendHeartbeat(Packet packet) {
            }

            public void heartbeatTimedOut() {
            }
        };
        assertInstanceOf(ServerPingHeartbeat.class, EngineProtocol.V4.heartbeat().create(new ManualScheduler(), o, none));
        assertInstanceOf(ClientPingHeartbeat.class, EngineProtocol.V3.heartbeat().create(new ManualScheduler(), o, none));
    }
}
