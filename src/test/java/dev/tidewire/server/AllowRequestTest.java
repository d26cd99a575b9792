package dev.tidewire.server;

import dev.tidewire.internal.engine.RequestInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public allowRequest gate reaches the engine's handshake check with the opening request's details. */
class AllowRequestTest {
    private static RequestInfo request(String token) {
        return new RequestInfo(Map.of("origin", List.of("http://app")),
                token == null ? Map.of() : Map.of("token", List.of(token)), "10.0.0.7", true,
                "/socket.io/?EIO=4&transport=polling");
    }

    @Test
    void theGateSeesTheRequestAndItsAnswerBecomesTheEnginesAnswer() {
        SocketIoOptions options = SocketIoOptions.defaults().withAllowRequest(handshake -> {
            assertEquals("http://app", handshake.header("origin"));
            assertEquals("10.0.0.7", handshake.address());
            assertTrue(handshake.secure());
            assertTrue(handshake.auth().isEmpty());
            return "secret".equals(handshake.queryParam("token")) ? null : "bad token";
        });
        assertNull(options.engine().allowRequest().check(request("secret")));
        assertEquals("bad token", options.engine().allowRequest().check(request("guess")));
        assertEquals("bad token", options.engine().allowRequest().check(request(null)));
    }

    @Test
    void withoutAGateEveryHandshakeIsAllowed() {
        assertNull(SocketIoOptions.defaults().engine().allowRequest().check(request(null)));
    }
}
