package dev.tidewire.internal.jakarta;

import io.undertow.websockets.WebSocketExtension;
import io.undertow.websockets.extensions.ExtensionHandshake;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How per-message deflate is put into a deployment's Undertow configuration (WildFly's {@code WebSocketDeploymentInfo},
 * Undertow's own classes): once, taking over a server-wide permessage-deflate rather than adding a second one. The
 * threshold itself is checked on the wire by {@code CompressionIT}.
 */
class UndertowDeflateTest {
    @Test
    void aDeploymentWithoutTheExtensionGetsUndertowsOwnWrapped() {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo();
        assertEquals("Undertow's permessage-deflate", UndertowDeflate.install(info, 1024));
        List<ExtensionHandshake> extensions = info.getExtensions();
        assertEquals(1, extensions.size());
        assertInstanceOf(UndertowDeflate.ThresholdHandshake.class, extensions.get(0));
        assertEquals("permessage-deflate", extensions.get(0).getName());
        WebSocketExtension accepted = extensions.get(0).accept(new WebSocketExtension("permessage-deflate"));
        assertNotNull(accepted, "a client's plain offer is accepted");
        assertInstanceOf(UndertowDeflate.ThresholdFunction.class, extensions.get(0).create());
        assertEquals("already installed", UndertowDeflate.install(info, 1024), "a second engine adds nothing");
        assertEquals(1, info.getExtensions().size());
    }

    @Test
    void wildFlysServerWideExtensionIsTakenOverNotDoubled() {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo();
        info.addExtension(new PerMessageDeflateHandshake(false, 9));
        assertEquals("WildFly's server-wide per-message-deflate, with the threshold", UndertowDeflate.install(info, 10));
        assertEquals(1, info.getExtensions().size());
        assertInstanceOf(UndertowDeflate.ThresholdHandshake.class, info.getExtensions().get(0));
    }

    @Test
    void withoutTheDeploymentsInfoNothingIsInstalled() {
        assertNull(UndertowDeflate.install(null, 1024));
        assertNull(UndertowDeflate.install("something else", 1024));
    }
}
