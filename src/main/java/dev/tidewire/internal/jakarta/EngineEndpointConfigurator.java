package dev.tidewire.internal.jakarta;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;

/**
 * The configurator of one upgrade: it hands the container the {@link EngineEndpoint} built for that request, and adds
 * the engine hooks' headers to the 101 answer.
 */
final class EngineEndpointConfigurator extends ContainerDefaultConfigurator {
    private final EngineEndpoint endpoint;
    private final Map<String, String> headers;

    EngineEndpointConfigurator(ServerEndpointConfig.Configurator containerDefault, EngineEndpoint endpoint,
                               Map<String, String> headers) {
        super(containerDefault);
        this.endpoint = endpoint;
        this.headers = headers;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        addHeaders(response, headers);
    }

    /** Headers of the engine's hooks, in the handshake answer as JSR-356 lets a configurator set them. */
    static void addHeaders(HandshakeResponse response, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) return;
        Map<String, List<String>> out = response.getHeaders();
        headers.forEach((name, value) -> out.put(name, List.of(value)));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        return type.cast(endpoint);
    }
}
