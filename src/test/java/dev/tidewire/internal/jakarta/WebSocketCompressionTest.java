package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineOptions;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.servlet.ServletContext;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which extensions the engine's endpoint lists: none unless {@code perMessageDeflate} is on, and none where the
 * container would not carry the extension out (listing it there would negotiate a compression nobody applies).
 */
class WebSocketCompressionTest {
    private static final EngineOptions ON = EngineOptions.builder().perMessageDeflate(true).build();

    /** A context whose only attribute is {@code attributes}'; anything else a test does not expect fails it. */
    private static ServletContext context(Map<String, Object> attributes) {
        return (ServletContext) Proxy.newProxyInstance(WebSocketCompressionTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute")) return attributes.get((String) args[0]);
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A container of another implementation than Undertow (its class is a JDK proxy). */
    private static ServerContainer otherContainer() {
        return (ServerContainer) Proxy.newProxyInstance(WebSocketCompressionTest.class.getClassLoader(),
                new Class<?>[] {ServerContainer.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void offByDefaultNothingIsListedOrInstalled() {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo();
        List<Extension> listed = WebSocketCompression.install(
                context(Map.of(WebSocketCompression.UNDERTOW_DEPLOYMENT_INFO, info)), otherContainer(),
                EngineOptions.builder().build());
        assertEquals(List.of(), listed);
        assertEquals(List.of(), info.getExtensions());
    }

    @Test
    void aContainerThatOffersNoDeflateGetsNoExtensionListed() {
        assertEquals(List.of(), WebSocketCompression.install(context(Map.of()), otherContainer(), ON));
    }

    @Test
    void theAttributeNameIsUndertows() {
        assertEquals(WebSocketDeploymentInfo.ATTRIBUTE_NAME, WebSocketCompression.UNDERTOW_DEPLOYMENT_INFO);
        assertEquals("permessage-deflate", WebSocketCompression.PERMESSAGE_DEFLATE.getName());
        assertEquals(List.of(), WebSocketCompression.PERMESSAGE_DEFLATE.getParameters());
    }
}
