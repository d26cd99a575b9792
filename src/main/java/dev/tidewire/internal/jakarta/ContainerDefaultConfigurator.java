package dev.tidewire.internal.jakarta;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * A configurator that behaves as the container's default for whatever a subclass does not override. The default is
 * reached through one shared plain {@code Configurator}, because a fresh one looks the container's default up with
 * a {@code ServiceLoader} on first use — measured at a sixth of the CPU of a WebSocket connection on WildFly when
 * done per upgrade.
 */
abstract class ContainerDefaultConfigurator extends ServerEndpointConfig.Configurator {
    private final ServerEndpointConfig.Configurator containerDefault;

    /** @param containerDefault a plain {@code Configurator}, shared by every upgrade of one engine */
    ContainerDefaultConfigurator(ServerEndpointConfig.Configurator containerDefault) {
        this.containerDefault = containerDefault;
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
