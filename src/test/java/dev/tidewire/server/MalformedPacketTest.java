package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A packet the decoder refuses closes that client's connection (the reference calls {@code conn.close()}, so the
 * sockets leave with "forced close"); every other client keeps working.
 */
class MalformedPacketTest {
    private final SioTestServer t = new SioTestServer();
    private final List<String> reasons = new ArrayList<>();
    private SioTestServer.Peer bad;
    private SioTestServer.Peer good;
    private Socket goodSocket;

    @BeforeEach
    void connect() {
        bad = t.connect();
        good = t.connect();
        String badId = bad.connectTo("/");
        goodSocket = t.io.sockets().sockets().get(good.connectTo("/"));
        t.io.sockets().sockets().get(badId).onDisconnect((s, r) -> reasons.add(r.wireName()));
        goodSocket.on("echo", (args, ack) -> ack.send(args.toArray()));
    }

    private void assertOnlyTheBadClientClosed() {
        assertTrue(bad.isClosed(), "the offending client is closed");
        assertEquals(List.of("forced close"), reasons);
        assertFalse(good.isClosed());
        good.send("429[\"echo\",\"still here\"]");
        assertEquals("439[\"still here\"]", good.lastText());
        assertEquals(1, t.io.sockets().sockets().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4",                         // empty Socket.IO packet
            "49",                        // unknown packet type
            "4a",                        // not a type digit
            "42abc[\"x\"]",              // bad JSON
            "42[\"x\"",                  // truncated JSON
            "42{\"a\":1}",               // EVENT payload not an array
            "42[]",                      // empty EVENT
            "42[true]",                  // event name neither string nor number
            "42[\"disconnect\"]",        // reserved event name
            "42[\"connect\"]",
            "42null",                    // EVENT payload present but null (no payload at all is accepted)
            "431null",                   // ACK payload present but null
            "431{\"a\":1}",              // ACK payload not an array
            "41[\"x\"]",                 // DISCONNECT with payload
            "40\"a string\"",            // CONNECT payload not an object
            "40[1]",
            "40null",
            "45[\"x\"]",                 // BINARY_EVENT without attachment count
            "45a-[\"x\"]",               // attachment count not a number
            "4511-[\"x\"]",              // more attachments than allowed (10)
            "42[\"x\"]garbage",          // trailing garbage
    })
    void aMalformedTextPacket(String frame) {
        bad.send(frame);
        assertOnlyTheBadClientClosed();
    }

    @Test
    void aTextPacketWhileAttachmentsAreExpected() {
        bad.send("452-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        bad.sendBinary(new byte[] {1});
        bad.send("42[\"x\"]");
        assertOnlyTheBadClientClosed();
    }

    @Test
    void aBinaryFrameWithNoPendingPacket() {
        bad.sendBinary(new byte[] {1, 2});
        assertOnlyTheBadClientClosed();
    }

    @Test
    void aPlaceholderOutOfRange() {
        bad.send("451-[\"x\",{\"_placeholder\":true,\"num\":5}]");
        bad.sendBinary(new byte[] {1});
        assertOnlyTheBadClientClosed();
    }

    @Test
    void anAckIdThatIsNotAValidInteger() {
        bad.send("4299999999999999999999999[\"x\"]");
        assertOnlyTheBadClientClosed();
    }

    @Test
    void tooDeeplyNestedJson() {
        bad.send("42[\"x\"," + "[".repeat(200) + "]".repeat(200) + "]");
        assertOnlyTheBadClientClosed();
    }

    @Test
    void aMalformedEngineIoFrameIsAParseError() {
        bad.send("x");
        assertTrue(bad.isClosed());
        assertEquals(List.of("parse error"), reasons);
        assertFalse(good.isClosed());
    }
}
