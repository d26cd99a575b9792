package dev.tidewire.internal.jakarta;

import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How per-message deflate is put into a deployment's Undertow configuration (WildFly's {@code WebSocketDeploymentInfo},
 * Undertow's own classes): once, in place of a server-wide permessage-deflate rather than beside it; and how an offer is
 * answered (RFC 7692). The threshold itself is checked on the wire by
 * {@code CompressionIT}.
 */
class UndertowDeflateTest {
    private final UndertowDeflate.ThresholdHandshake handshake = new UndertowDeflate.ThresholdHandshake(1024);

    @Test
    void aDeploymentWithoutTheExtensionGetsOne() {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo();
        assertEquals("Undertow's deflate", UndertowDeflate.install(info, 1024));
        List<ExtensionHandshake> extensions = info.getExtensions();
        assertEquals(1, extensions.size());
        assertEquals("permessage-deflate", extensions.get(0).getName());
        assertInstanceOf(UndertowDeflate.ThresholdFunction.class, extensions.get(0).create());
        assertEquals("already installed", UndertowDeflate.install(info, 1024), "a second engine adds nothing");
        assertEquals(1, info.getExtensions().size());
    }

    @Test
    void wildFlysServerWideExtensionIsReplacedNotDoubled() {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo();
        info.addExtension(new PerMessageDeflateHandshake(false, 9));
        assertEquals("in place of WildFly's server-wide per-message-deflate", UndertowDeflate.install(info, 10));
        assertEquals(1, info.getExtensions().size());
        assertInstanceOf(UndertowDeflate.ThresholdHandshake.class, info.getExtensions().get(0));
    }

    @Test
    void withoutTheDeploymentsInfoNothingIsInstalled() {
        assertNull(UndertowDeflate.install(null, 1024));
        assertNull(UndertowDeflate.install("something else", 1024));
    }

    private String answer(String offer) {
        WebSocketExtension accepted = handshake.accept(WebSocketExtension.parse(offer).get(0));
        return accepted == null ? null : WebSocketExtension.toExtensionHeader(List.of(accepted));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "declined", value = {
            "permessage-deflate                                   | permessage-deflate",
            "permessage-deflate; client_max_window_bits           | permessage-deflate",
            "permessage-deflate; client_max_window_bits=10        | permessage-deflate",
            "permessage-deflate; server_no_context_takeover       | permessage-deflate; server_no_context_takeover",
            "permessage-deflate; client_no_context_takeover       | permessage-deflate; client_no_context_takeover",
            "permessage-deflate; server_max_window_bits=15        | permessage-deflate",
            "permessage-deflate; server_max_window_bits=10        | declined",
            "permessage-deflate; client_max_window_bits=99        | declined",
            "permessage-deflate; x-unknown                        | declined",
            "x-webkit-deflate-frame                               | declined"})
    void offersAreAnsweredAsRfc7692Says(String offer, String response) {
        assertEquals(response, answer(offer));
    }
}
