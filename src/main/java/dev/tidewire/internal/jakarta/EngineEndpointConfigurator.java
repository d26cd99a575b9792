package dev.tidewire.internal.jakarta;

import jakarta.websocket.server.ServerEndpointConfig;

/** The configurator of one upgrade: it hands the container the {@link EngineEndpoint} built for that request. */
final class EngineEndpointConfigurator extends ContainerDefaultConfigurator {
    private final EngineEndpoint endpoint;

    EngineEndpointConfigurator(ServerEndpointConfig.Configurator containerDefault, EngineEndpoint endpoint) {
        super(containerDefault);
        this.endpoint = endpoint;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        return type.cast(endpoint);
    }
}
