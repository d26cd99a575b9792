package dev.tidewire.jakarta;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The configurator of one upgrade: it hands the container the {@link EngineEndpoint} built for that request and
 * otherwise behaves as the container's default. The default is reached through one shared configurator, because a
 * fresh {@code Configurator} looks it up with a {@code ServiceLoader} on first use — measured at a sixth of the CPU
 * of a WebSocket connection on WildFly when done per upgrade.
 */
final class EngineEndpointConfigurator extends ServerEndpointConfig.Configurator {
    private final ServerEndpointConfig.Configurator containerDefault;
    private final EngineEndpoint endpoint;

    /** @param containerDefault a plain {@code Configurator} shared by every upgrade of one servlet */
    EngineEndpointConfigurator(ServerEndpointConfig.Configurator containerDefault, EngineEndpoint endpoint) {
        this.containerDefault = containerDefault;
        this.endpoint = endpoint;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        return type.cast(endpoint);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return containerDefault.checkOrigin(originHeaderValue);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return containerDefault.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return containerDefault.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        containerDefault.modifyHandshake(config, request, response);
    }
}
