package dev.tidewire.internal.engine.websocket;

import dev.tidewire.internal.engine.DeflateOffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OpeningHandshakeTest {
    @Test
    void theAcceptKeyOfRfc6455sExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", OpeningHandshake.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void theFirstAcceptableDeflateOfferInTheClientsOrder() {
        DeflateOffer ws = OpeningHandshake.deflateOffer(List.of("permessage-deflate; client_max_window_bits"));
        assertEquals(List.of(), ws.responseParameters());
        assertEquals("permessage-deflate", OpeningHandshake.deflateAnswer(ws));

        DeflateOffer second = OpeningHandshake.deflateOffer(List.of("x-webkit-deflate-frame",
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover"));
        assertEquals(List.of("client_no_context_takeover"), second.responseParameters());
        assertEquals(true, second.clientResets());
        assertEquals("permessage-deflate; client_no_context_takeover", OpeningHandshake.deflateAnswer(second));

        assertNull(OpeningHandshake.deflateOffer(List.of()));
        assertNull(OpeningHandshake.deflateOffer(List.of("permessage-deflate; unknown=1")));
    }
}
